/**
 * The line formats of the programs themselves, inside a journal or compose
 * line: Backend.AI's console log ("2024-04-23 12:06:31.913 INFO
 * ai.backend.manager.server [21024] message", local time without a zone),
 * PostgreSQL's default log_line_prefix ("2024-04-23 12:06:31.113 UTC [1]
 * LOG:  message") and Redis's ("1:M 23 Apr 2024 12:06:31.533 * message").
 */
import { stripAnsi } from './ansiSpans';
import type { LogLevel } from './logEntry';

export interface ProgramLine {
  timeText: string;
  /** The printed wall-clock time read as if it were UTC, in ms. */
  wallClockMs: number;
  /** Minutes east of UTC when the line says its zone; null for Backend.AI's zone-less times. */
  zoneMinutes: number | null;
  level: LogLevel;
  logger: string | null;
  pid: number | null;
  message: string;
  /** A detail line of the previous entry (PostgreSQL's DETAIL, HINT, STATEMENT...). */
  continues: boolean;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

// Consecutive lines mostly share their minute: Date.UTC runs once per minute, seconds and ms are added (the same sum).
let minuteKey = '';
let minuteMs = 0;

function wallClock(y: string, mo: number, d: string, h: string, mi: string, s: string, frac: string | undefined): number {
  const ms = frac ? Number(frac.padEnd(3, '0').slice(0, 3)) : 0;
  const key = `${y}-${mo}-${d} ${h}:${mi}`;
  if (key !== minuteKey) {
    minuteKey = key;
    minuteMs = Date.UTC(Number(y), mo - 1, Number(d), Number(h), Number(mi));
  }
  return minuteMs + Number(s) * 1000 + ms;
}

const BACKEND_AI = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:[.,](\d{1,6}))? (TRACE|DEBUG|INFO|WARNING|WARN|ERROR|CRITICAL|FATAL) (\S+) \[(\d+)\] ?(.*)$/;
const BAI_LEVEL: Record<string, LogLevel> = { TRACE: 'debug', DEBUG: 'debug', INFO: 'info', WARNING: 'warning', WARN: 'warning', ERROR: 'error', CRITICAL: 'critical', FATAL: 'critical' };

const POSTGRES = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))? (UTC|GMT) \[(\d+)\] (DEBUG\d?|LOG|INFO|NOTICE|WARNING|ERROR|FATAL|PANIC|DETAIL|HINT|STATEMENT|CONTEXT|QUERY|LOCATION):\s+(.*)$/;
const PG_LEVEL: Record<string, LogLevel> = { LOG: 'info', INFO: 'info', NOTICE: 'info', WARNING: 'warning', ERROR: 'error', FATAL: 'critical', PANIC: 'critical' };
const PG_DETAIL = new Set(['DETAIL', 'HINT', 'STATEMENT', 'CONTEXT', 'QUERY', 'LOCATION']);

const REDIS = /^(\d+):([XCSM]) (\d{1,2}) ([A-Z][a-z]{2}) (\d{4}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))? ([.\-*#]) (.*)$/;
const REDIS_LEVEL: Record<string, LogLevel> = { '.': 'debug', '-': 'debug', '*': 'info', '#': 'warning' };

/** Parses the plain text of a line (ANSI removed first, so a coloured level still reads). */
export function parseProgramLine(text: string): ProgramLine | null {
  const plain = stripAnsi(text);
  // All three formats start with a digit; traceback frames and plain output skip the three regexes.
  const first = plain.charCodeAt(0);
  if (!(first >= 48 && first <= 57)) return null;
  let m = BACKEND_AI.exec(plain);
  if (m) {
    const [, y = '', mo = '', d = '', h = '', mi = '', s = '', frac, level = '', logger = '', pid = '', message = ''] = m;
    return {
      timeText: plain.slice(0, plain.indexOf(` ${level} `)),
      wallClockMs: wallClock(y, Number(mo), d, h, mi, s, frac),
      zoneMinutes: null,
      level: BAI_LEVEL[level] ?? 'info',
      logger,
      pid: Number(pid),
      message,
      continues: false,
    };
  }
  m = POSTGRES.exec(plain);
  if (m) {
    const [, y = '', mo = '', d = '', h = '', mi = '', s = '', frac, , pid = '', level = '', message = ''] = m;
    const isDetail = PG_DETAIL.has(level);
    return {
      timeText: plain.slice(0, plain.indexOf(' [')),
      wallClockMs: wallClock(y, Number(mo), d, h, mi, s, frac),
      zoneMinutes: 0,
      level: level.startsWith('DEBUG') ? 'debug' : PG_LEVEL[level] ?? 'info',
      logger: 'postgres',
      pid: Number(pid),
      message: isDetail ? `${level}:  ${message}` : message,
      continues: isDetail,
    };
  }
  m = REDIS.exec(plain);
  if (m) {
    const [, pid = '', , d = '', mon = '', y = '', h = '', mi = '', s = '', frac, mark = '', message = ''] = m;
    return {
      timeText: plain.slice(plain.indexOf(' ') + 1, plain.indexOf(` ${mark} `)),
      wallClockMs: wallClock(y, MONTHS.indexOf(mon) + 1, d, h, mi, s, frac),
      zoneMinutes: null,
      level: REDIS_LEVEL[mark] ?? 'info',
      logger: 'redis',
      pid: Number(pid),
      message,
      continues: false,
    };
  }
  return null;
}
