// Renders journal entries the way journalctl (systemd 252) prints them:
// short ("Apr 23 12:06:31 host ident[pid]: msg"), short-iso (offset without a
// colon: the colon came in systemd 255), short-precise, cat, json, json-pretty,
// verbose-less "export" is not offered. Timestamps are in the node's local zone.

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

const pad = (n, w = 2) => String(n).padStart(w, '0');

function offset(date, colon) {
  const minutes = -date.getTimezoneOffset();
  const sign = minutes >= 0 ? '+' : '-';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}${colon ? ':' : ''}${pad(abs % 60)}`;
}

export function zoneName(date) {
  const part = new Intl.DateTimeFormat('en-US', { timeZoneName: 'short' }).formatToParts(date).find((p) => p.type === 'timeZoneName');
  return part && !part.value.startsWith('GMT+') && !part.value.startsWith('GMT-') ? part.value.replace(/^GMT$/, 'UTC') : offset(date, false);
}

/** systemd's format_timestamp(): "Tue 2024-04-23 12:06:31 UTC". */
export function formatSystemdTimestamp(micros) {
  const date = new Date(Number(BigInt(micros) / 1000n));
  return `${DAYS[date.getDay()]} ${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())} ${zoneName(date)}`;
}

function shortTime(date) {
  return `${MONTHS[date.getMonth()]} ${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

function isoTime(date) {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

/** The journal fields of an entry, as `journalctl -o json` names them. */
export function journalFields(entry, host, bootId) {
  const unitFull = `${entry.unit}.service`;
  const fromSystemd = entry.id === 'systemd';
  return {
    __CURSOR: `s=${bootId};i=${entry.t.toString(16)};b=${bootId};m=${entry.t.toString(16)};t=${entry.t.toString(16)};x=${entry.unit}`,
    __REALTIME_TIMESTAMP: entry.t.toString(),
    __MONOTONIC_TIMESTAMP: String(Math.floor(performance.timeOrigin * 1000) % 1e12),
    _BOOT_ID: bootId,
    PRIORITY: String(entry.p),
    SYSLOG_FACILITY: fromSystemd ? '3' : '3',
    SYSLOG_IDENTIFIER: entry.id,
    _PID: String(entry.pid),
    _UID: '0',
    _GID: '0',
    _COMM: fromSystemd ? 'systemd' : 'python',
    _HOSTNAME: host,
    _TRANSPORT: entry.tr,
    ...(fromSystemd ? { UNIT: unitFull, _SYSTEMD_UNIT: 'init.scope' } : { _SYSTEMD_UNIT: unitFull, _SYSTEMD_CGROUP: `/system.slice/${unitFull}`, _SYSTEMD_SLICE: 'system.slice', _STREAM_ID: bootId.slice(0, 32) }),
    MESSAGE: entry.m,
  };
}

export function formatEntry(entry, { output = 'short', host, bootId, noHostname = false }) {
  const date = new Date(Number(entry.t / 1000n));
  const source = `${noHostname ? '' : `${host} `}${entry.id}[${entry.pid}]: ${entry.m}`;
  switch (output) {
    case 'cat':
      return entry.m;
    case 'short-iso':
      return `${isoTime(date)}${offset(date, false)} ${source}`;
    case 'short-iso-precise':
      return `${isoTime(date)}.${pad(Number(entry.t % 1000000n), 6)}${offset(date, false)} ${source}`;
    case 'short-precise':
      return `${shortTime(date)}.${pad(Number(entry.t % 1000000n), 6)} ${source}`;
    case 'short-unix':
      return `${entry.t / 1000000n}.${pad(Number(entry.t % 1000000n), 6)} ${source}`;
    case 'short-full':
      return `${formatSystemdTimestamp(entry.t)} ${source}`;
    case 'json':
      return JSON.stringify(journalFields(entry, host, bootId));
    case 'json-pretty':
      return JSON.stringify(journalFields(entry, host, bootId), null, '\t');
    case 'with-unit':
      return `${shortTime(date)} ${noHostname ? '' : `${host} `}${entry.unit}.service[${entry.pid}]: ${entry.m}`;
    default:
      return `${shortTime(date)} ${source}`;
  }
}

export const OUTPUT_MODES = ['short', 'short-iso', 'short-iso-precise', 'short-precise', 'short-unix', 'short-full', 'cat', 'json', 'json-pretty', 'with-unit'];
