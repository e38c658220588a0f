// What `systemctl status` and `systemctl show` print for a simulated unit,
// shaped like systemd 252 (● / ○ / × bullets, "preset:" wording, the last
// journal lines). Resource figures (Tasks, Memory, CPU) are read from /proc.
import fs from 'node:fs';
import { formatSystemdTimestamp, formatEntry } from '../journal/journalFormat.mjs';
import { readTailEntries, nowMicros } from '../journal/journalFiles.mjs';
import { relativeAgo, timespan } from './timespan.mjs';

const EXIT_NAMES = { 0: 'SUCCESS', 1: 'FAILURE', 2: 'INVALIDARGUMENT', 3: 'NOTIMPLEMENTED', 4: 'NOPERMISSION', 5: 'NOTINSTALLED', 6: 'NOTCONFIGURED', 7: 'NOTRUNNING' };

function procFacts(pid) {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return { tasks: Number(/Threads:\s+(\d+)/.exec(status)?.[1] ?? 1), memory: rssKb * 1024, cpu: (Number(f[11]) + Number(f[12])) / 100 };
  } catch {
    return { tasks: 0, memory: 0, cpu: 0 };
  }
}

function formatBytes(bytes) {
  const units = ['B', 'K', 'M', 'G'];
  let value = bytes;
  let i = 0;
  while (value >= 1024 && i < units.length - 1) {
    value /= 1024;
    i += 1;
  }
  return i === 0 ? `${value}B` : `${value.toFixed(1)}${units[i]}`;
}

function cpuText(seconds) {
  return seconds >= 1 ? timespan(BigInt(Math.round(seconds * 1e6))) : `${Math.round(seconds * 1000)}ms`;
}

function exitText(state) {
  return state.code === 'killed' ? `code=killed, signal=${state.status}` : `code=exited, status=${state.status}/${EXIT_NAMES[state.status] ?? 'FAILURE'}`;
}

export function statusBullet(state) {
  return state.active === 'active' ? '●' : state.active === 'failed' ? '×' : '○';
}

export function renderStatus(paths, unit, state, { lines = 10, host, bootId }) {
  const now = nowMicros();
  const out = [];
  out.push(`${statusBullet(state)} ${unit.name}.service - ${unit.description}`);
  out.push(`     Loaded: loaded (${unit.fragmentPath}; enabled; preset: enabled)`);
  if (state.active === 'active') {
    const facts = procFacts(state.pid);
    out.push(`     Active: active (running) since ${formatSystemdTimestamp(state.startedAt)}; ${relativeAgo(state.startedAt, now)}`);
    out.push(`   Main PID: ${state.pid} (python)`);
    out.push(`      Tasks: ${facts.tasks} (limit: 28696)`);
    out.push(`     Memory: ${formatBytes(facts.memory)}`);
    out.push(`        CPU: ${cpuText(facts.cpu)}`);
    out.push(`     CGroup: /system.slice/${unit.name}.service`);
    out.push(`             └─${state.pid} ${unit.execStart}`);
  } else if (state.stoppedAt) {
    const what = state.active === 'failed' ? `failed (Result: ${state.result})` : 'inactive (dead)';
    out.push(`     Active: ${what} since ${formatSystemdTimestamp(state.stoppedAt)}; ${relativeAgo(state.stoppedAt, now)}`);
    if (state.startedAt) out.push(`   Duration: ${timespan(BigInt(state.stoppedAt) - BigInt(state.startedAt))}`);
    if (state.active === 'failed') out.push(`    Process: ${state.lastPid} ExecStart=${unit.execStart} (${exitText(state)})`);
    out.push(`   Main PID: ${state.lastPid} (${exitText(state)})`);
    out.push(`        CPU: ${cpuText(state.cpu ?? 0)}`);
  } else {
    out.push('     Active: inactive (dead)');
  }
  if (lines > 0) {
    const entries = readTailEntries(paths, [unit.name], lines);
    if (entries.length > 0) {
      out.push('');
      for (const e of entries) out.push(formatEntry(e, { output: 'short', host, bootId }));
    }
  }
  return out.join('\n');
}

/** The properties `systemctl show` prints, in systemd's order for the ones the app reads. */
export function unitProperties(unit, state) {
  const ts = (micros) => (micros ? formatSystemdTimestamp(micros) : '');
  const active = state.active === 'active';
  const facts = active ? procFacts(state.pid) : null;
  const names = [`${unit.name}.service`, ...(unit.aliases ?? []).map((a) => `${a}.service`)].join(' ');
  return [
    ['Type', 'notify'],
    ['Restart', 'no'],
    ['NotifyAccess', 'main'],
    ['RestartUSec', '100ms'],
    ['TimeoutStartUSec', '1min 30s'],
    ['TimeoutStopUSec', '1min 30s'],
    ['RuntimeMaxUSec', 'infinity'],
    ['MainPID', String(active ? state.pid : 0)],
    ['ControlPID', '0'],
    ['Result', state.result ?? 'success'],
    ['NRestarts', String(state.nRestarts ?? 0)],
    ['ExecMainStartTimestamp', ts(state.startedAt)],
    ['ExecMainExitTimestamp', active ? '' : ts(state.stoppedAt)],
    ['ExecMainPID', String(active ? state.pid : state.lastPid ?? 0)],
    ['ExecMainCode', String(active || !state.code ? 0 : state.code === 'killed' ? 2 : 1)],
    ['ExecMainStatus', String(active || typeof state.status !== 'number' ? 0 : state.status)],
    ['ExecStart', `{ path=${unit.execStart.split(' ')[0]} ; argv[]=${unit.execStart} ; ignore_errors=no ; start_time=[${ts(state.startedAt) || 'n/a'}] ; stop_time=[${active ? 'n/a' : ts(state.stoppedAt) || 'n/a'}] ; pid=${active ? state.pid : state.lastPid ?? 0} ; code=${active ? '(null)' : state.code ?? '(null)'} ; status=${active ? '0/0' : `${state.status ?? 0}/${state.status ?? 0}`} }`],
    ['WorkingDirectory', unit.home],
    ['User', 'lablup'],
    ['MemoryCurrent', facts ? String(facts.memory) : '[not set]'],
    ['CPUUsageNSec', facts ? String(Math.round(facts.cpu * 1e9)) : '[not set]'],
    ['TasksCurrent', facts ? String(facts.tasks) : '[not set]'],
    ['Id', `${unit.name}.service`],
    ['Names', names],
    ['Requires', 'system.slice sysinit.target'],
    ['WantedBy', 'multi-user.target'],
    ['After', 'network-online.target systemd-journald.socket basic.target sysinit.target system.slice'],
    ['Description', unit.description],
    ['LoadState', 'loaded'],
    ['ActiveState', state.active],
    ['SubState', state.sub],
    ['FragmentPath', unit.fragmentPath],
    ['UnitFileState', 'enabled'],
    ['UnitFilePreset', 'enabled'],
    ['StateChangeTimestamp', ts(active ? state.startedAt : state.stoppedAt)],
    ['ActiveEnterTimestamp', ts(state.startedAt)],
    ['ActiveExitTimestamp', active ? '' : ts(state.stoppedAt)],
    ['InactiveEnterTimestamp', active ? '' : ts(state.stoppedAt)],
    ['InactiveExitTimestamp', ts(state.startedAt)],
    ['CanStart', 'yes'],
    ['CanStop', 'yes'],
    ['CanReload', 'no'],
    ['InvocationID', state.invocationId ?? ''],
  ];
}

/** `systemctl show` of a unit that is not installed on the node. */
export function missingUnitProperties(fullName) {
  return [
    ['Restart', 'no'],
    ['MainPID', '0'],
    ['Result', 'success'],
    ['NRestarts', '0'],
    ['ExecMainStartTimestamp', ''],
    ['ExecMainPID', '0'],
    ['ExecMainCode', '0'],
    ['ExecMainStatus', '0'],
    ['Id', fullName],
    ['Names', fullName],
    ['Description', fullName],
    ['LoadState', 'not-found'],
    ['ActiveState', 'inactive'],
    ['SubState', 'dead'],
    ['StateChangeTimestamp', ''],
    ['ActiveEnterTimestamp', ''],
    ['UnitFileState', ''],
    ['CanStart', 'no'],
    ['CanStop', 'yes'],
    ['LoadError', `org.freedesktop.systemd1.NoSuchUnit "Unit ${fullName} not found."`],
  ];
}
