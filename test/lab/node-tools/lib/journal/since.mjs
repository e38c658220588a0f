// --since / --until values journalctl 252 accepts (systemd.time(7)):
// "2024-04-23 12:06:31", "2024-04-23 12:06", "2024-04-23", "12:06:31" (today),
// "now", "today", "yesterday", "tomorrow", "@1713873991", "-5min", "+1h",
// "5 min ago", "1h 30min ago". The ISO "T" separator is refused, as in 252
// (it was accepted only from systemd 255): the app must not rely on it.

const UNIT_SECONDS = {
  us: 1e-6, usec: 1e-6, ms: 1e-3, msec: 1e-3,
  s: 1, sec: 1, second: 1, seconds: 1,
  m: 60, min: 60, minute: 60, minutes: 60,
  h: 3600, hr: 3600, hour: 3600, hours: 3600,
  d: 86400, day: 86400, days: 86400,
  w: 604800, week: 604800, weeks: 604800,
  M: 2629800, month: 2629800, months: 2629800,
  y: 31557600, year: 31557600, years: 31557600,
};

function parseSpan(text) {
  const re = /(\d+(?:\.\d+)?)\s*([a-zA-Z]+)?/g;
  let total = 0;
  let consumed = '';
  for (const m of text.matchAll(re)) {
    const unit = m[2] ?? 's';
    const factor = UNIT_SECONDS[unit] ?? UNIT_SECONDS[unit.toLowerCase()];
    if (factor === undefined) return null;
    total += Number(m[1]) * factor;
    consumed += m[0];
  }
  if (consumed.replace(/\s/g, '') !== text.replace(/\s/g, '') || consumed === '') return null;
  return total;
}

function startOfDay(now, deltaDays) {
  const d = new Date(now);
  d.setHours(0, 0, 0, 0);
  d.setDate(d.getDate() + deltaDays);
  return d.getTime();
}

/** Returns epoch microseconds (BigInt) or null when journalctl would say "Failed to parse timestamp". */
export function parseTimestamp(value, now = Date.now()) {
  const text = value.trim();
  const toMicros = (ms) => BigInt(Math.round(ms * 1000));
  if (text === 'now') return toMicros(now);
  if (text === 'today') return toMicros(startOfDay(now, 0));
  if (text === 'yesterday') return toMicros(startOfDay(now, -1));
  if (text === 'tomorrow') return toMicros(startOfDay(now, 1));
  if (/^@\d+(\.\d+)?$/.test(text)) return toMicros(Number(text.slice(1)) * 1000);
  if (/^[+-]/.test(text)) {
    const span = parseSpan(text.slice(1).trim());
    return span === null ? null : toMicros(now + (text[0] === '-' ? -1 : 1) * span * 1000);
  }
  if (/ ago$/.test(text)) {
    const span = parseSpan(text.slice(0, -4).trim());
    return span === null ? null : toMicros(now - span * 1000);
  }
  if (/\sleft$/.test(text)) {
    const span = parseSpan(text.replace(/\s+left$/, '').trim());
    return span === null ? null : toMicros(now + span * 1000);
  }
  const m = /^(?:(\d{2}|\d{4})-(\d{2})-(\d{2}))?(?:\s*(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?)?(?:\s+(UTC))?$/.exec(text);
  if (!m || (!m[1] && !m[4])) return null;
  const base = new Date(now);
  const year = m[1] ? (m[1].length === 2 ? 2000 + Number(m[1]) : Number(m[1])) : base.getFullYear();
  const month = m[1] ? Number(m[2]) - 1 : base.getMonth();
  const day = m[1] ? Number(m[3]) : base.getDate();
  const [h, min, s] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
  const frac = m[7] ? Number(m[7].padEnd(6, '0')) : 0;
  const ms = m[8] ? Date.UTC(year, month, day, h, min, s) : new Date(year, month, day, h, min, s).getTime();
  if (Number.isNaN(ms)) return null;
  return BigInt(ms) * 1000n + BigInt(frac);
}
