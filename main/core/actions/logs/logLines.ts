/**
 * One line of `journalctl` (short-iso, short-iso-precise, cat, json) or of
 * `docker-compose logs --timestamps --no-color` (v1 `name  | ts text`, v2
 * the same with its own padding) to a LogEntry, or to a continuation of the
 * previous one, or to a notice that is not log content ("-- No entries --",
 * "Attaching to halfstack-db"). Formats: test/fixtures/journal and compose.
 */
import { stripAnsi } from './ansiSpans';
import { blankEntry, type LogEntry, type LogLevel } from './logEntry';
import type { LogFormat } from './logCommands';
import { parseProgramLine } from './programLogLine';

export type ParsedLine =
  | { kind: 'entry'; entry: LogEntry }
  | { kind: 'continuation'; text: string }
  | { kind: 'notice'; text: string };

export interface LineOptions {
  /** Read zone-less program times (Backend.AI's) at this offset when the line has no zone of its own. */
  naiveZoneMinutes?: number | null;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:?\d{2})$/;

export interface IsoTime {
  readonly ms: number;
  readonly zoneMinutes: number;
}

// short-iso prints seconds: at thousands of lines a second most stamps repeat the line before's.
let lastStamp = '';
let lastTime: IsoTime | null = null;

/** ISO 8601 with systemd 252's colon-less offset ("+0000") or docker's nanoseconds. */
export function parseIsoTime(text: string): IsoTime | null {
  if (text === lastStamp) return lastTime;
  const m = ISO.exec(text);
  let time: IsoTime | null = null;
  if (m) {
    const [, y = '', mo = '', d = '', h = '', mi = '', s = '', frac, zone = 'Z'] = m;
    const zoneMinutes = zone === 'Z' ? 0 : (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(-2)));
    const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), frac ? Number(frac.padEnd(3, '0').slice(0, 3)) : 0);
    time = { ms: ms - zoneMinutes * 60_000, zoneMinutes };
  }
  lastStamp = text;
  lastTime = time;
  return time;
}

// Program times are more precise than journalctl's short-iso seconds; trust them when they agree to a few seconds.
const AGREEMENT_MS = 5_000;

/**
 * Fills level, logger, pid and message from the program's own format, and a finer time when it agrees.
 * `entry` is the caller's own new object: it is filled in place (one object per line, not three).
 */
function entryOrContinuation(entry: LogEntry, zoneOfPrefix: number | null, options: LineOptions): ParsedLine {
  const p = parseProgramLine(entry.text);
  if (!p) return { kind: 'entry', entry };
  if (p.continues) return { kind: 'continuation', text: entry.text };
  const zone = p.zoneMinutes ?? zoneOfPrefix ?? options.naiveZoneMinutes ?? null;
  const programMs = zone === null ? null : p.wallClockMs - zone * 60_000;
  if (programMs !== null && (entry.time === null || Math.abs(programMs - entry.time) < AGREEMENT_MS)) entry.time = programMs;
  entry.timeText ??= p.timeText;
  entry.level = p.level;
  entry.logger = p.logger;
  entry.pid ??= p.pid;
  entry.message = p.message;
  return { kind: 'entry', entry };
}

/** A new entry for a line: `text` is kept with its ANSI codes, `message` is without them. */
function lineEntry(text: string, time: number | null, timeText: string | null, source: string | null, host: string | null, pid: number | null): LogEntry {
  return { time, timeText, level: null, logger: null, pid, source, host, message: stripAnsi(text), text, continuation: [] };
}

const SHORT_ISO = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})) (\S+) (.+?)(?:\[(\d+)\])?: ?(.*)$/;
const JOURNAL_META = /^-- .* --$/;

function journalShortIso(line: string, options: LineOptions): ParsedLine {
  const m = SHORT_ISO.exec(line);
  if (!m) {
    if (JOURNAL_META.test(line) || /^Hint: /.test(line)) return { kind: 'notice', text: line };
    // journalctl indents the further lines of a multi-line message.
    const indent = line.length - line.trimStart().length;
    return { kind: 'continuation', text: indent > 20 ? line.trimStart() : line };
  }
  const [, stamp = '', host = '', source = '', pid, text = ''] = m;
  const t = parseIsoTime(stamp);
  return entryOrContinuation(lineEntry(text, t?.ms ?? null, stamp, source, host, pid ? Number(pid) : null), t?.zoneMinutes ?? null, options);
}

const PRIORITY_LEVEL: LogLevel[] = ['critical', 'critical', 'critical', 'error', 'warning', 'info', 'info', 'debug'];

/** journalctl -o json writes MESSAGE as a byte array when it is not valid UTF-8 text or holds control characters. */
function journalField(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((b) => typeof b === 'number')) return new TextDecoder().decode(Uint8Array.from(value as number[]));
  if (Array.isArray(value)) return journalField(value[0]);
  return null;
}

function journalJson(line: string, options: LineOptions): ParsedLine[] {
  let o: Record<string, unknown>;
  try {
    o = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return [{ kind: 'notice', text: line }];
  }
  const message = journalField(o.MESSAGE) ?? '';
  const [first = '', ...rest] = message.split('\n');
  const micros = journalField(o.__REALTIME_TIMESTAMP);
  const time = micros && /^\d+$/.test(micros) ? Math.floor(Number(micros) / 1000) : null;
  const priority = Number(journalField(o.PRIORITY));
  const pid = journalField(o._PID);
  const entry: LogEntry = {
    ...blankEntry(first),
    time,
    timeText: time === null ? null : new Date(time).toISOString(),
    level: Number.isInteger(priority) ? PRIORITY_LEVEL[priority] ?? null : null,
    source: journalField(o.SYSLOG_IDENTIFIER),
    host: journalField(o._HOSTNAME),
    pid: pid ? Number(pid) : null,
  };
  const head = entryOrContinuation(entry, 0, options);
  return [head, ...rest.map((text): ParsedLine => ({ kind: 'continuation', text }))];
}

const COMPOSE_PREFIX = /^([^\s|]+)\s+\| ?(.*)$/;
const DOCKER_TS = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})) ?(.*)$/;

function composeLine(line: string, options: LineOptions): ParsedLine {
  const m = COMPOSE_PREFIX.exec(line);
  if (!m) {
    if (/^Attaching to |^\S+ exited with code \d+$|^Gracefully stopping/.test(line)) return { kind: 'notice', text: line };
    return { kind: 'entry', entry: blankEntry(line) };
  }
  const [, source = '', rest = ''] = m;
  const ts = DOCKER_TS.exec(rest);
  const t = ts ? parseIsoTime(ts[1] ?? '') : null;
  const text = ts ? ts[2] ?? '' : rest;
  const entry = lineEntry(text, t?.ms ?? null, ts?.[1] ?? null, source, null, null);
  // Docker's timestamp is UTC; a zone-less program time inside is the container's clock, UTC unless told otherwise.
  return entryOrContinuation(entry, options.naiveZoneMinutes ?? 0, options);
}

export function parseLogLine(line: string, format: LogFormat, options: LineOptions = {}): ParsedLine[] {
  if (line === '' && format !== 'journal-cat') return [];
  switch (format) {
    case 'journal-short-iso':
      return [journalShortIso(line, options)];
    case 'journal-json':
      return journalJson(line, options);
    case 'compose':
      return [composeLine(line, options)];
    case 'journal-cat':
      return [entryOrContinuation(blankEntry(line), null, options)];
  }
}
