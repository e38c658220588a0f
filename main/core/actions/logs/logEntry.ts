/**
 * One log entry as the viewer shows it: where it came from, when, how bad,
 * and its text (ANSI colour codes kept; see ansiSpans.ts to render or strip
 * them). A Python traceback is one entry: its lines are in `continuation`.
 */
import { stripAnsi } from './ansiSpans';

export const LOG_LEVELS = ['debug', 'info', 'warning', 'error', 'critical'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export function levelRank(level: LogLevel): number {
  return LOG_LEVELS.indexOf(level);
}

export interface LogEntry {
  /** Epoch milliseconds, for order and merging; null when the line has no time. */
  time: number | null;
  /** The time as printed, for display. */
  timeText: string | null;
  level: LogLevel | null;
  /** Backend.AI's logger name (ai.backend.manager.server). */
  logger: string | null;
  pid: number | null;
  /** The journal identifier (python3) or the compose container name. */
  source: string | null;
  host: string | null;
  /** The program's message after its own time, level, logger and pid, ANSI codes removed (text keeps them). */
  message: string;
  /** The whole line after the journal or compose prefix. */
  text: string;
  /** Lines grouped under it: a traceback, or a multi-line journal message. */
  continuation: string[];
}

export function blankEntry(text: string): LogEntry {
  return { time: null, timeText: null, level: null, logger: null, pid: null, source: null, host: null, message: stripAnsi(text), text, continuation: [] };
}
