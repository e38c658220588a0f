/**
 * The desktop app's log: one JSON line per entry in <logs>/clusterdeck.log,
 * where "details are in the app log" points. Values under secret-looking keys
 * are replaced before anything is written. One previous file is kept.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from '../core/ports';

// Rotate at 5 MB: weeks of normal use, small enough to attach to a bug report.
const ROTATE_BYTES = 5 * 1024 * 1024;
const SECRET_KEY = /pass(word|phrase)?|secret|token|private.?key|credential/i;

export function redactDetail(detail: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(detail)) out[key] = SECRET_KEY.test(key) ? '[redacted]' : value;
  return out;
}

export function createFileLogger(logsDir: string, now: () => Date, echo: boolean): Logger {
  const file = path.join(logsDir, 'clusterdeck.log');
  try {
    fs.mkdirSync(logsDir, { recursive: true });
    if ((fs.statSync(file, { throwIfNoEntry: false })?.size ?? 0) > ROTATE_BYTES) fs.renameSync(file, `${file}.1`);
  } catch {
    // A log that cannot be written must not stop the app; entries still reach stderr below.
    echo = true;
  }

  const write = (level: 'info' | 'warn' | 'error', message: string, detail?: Record<string, unknown>) => {
    const line = JSON.stringify({ at: now().toISOString(), level, message, ...(detail ? { detail: redactDetail(detail) } : {}) });
    try {
      fs.appendFileSync(file, `${line}\n`);
    } catch {
      echo = true;
    }
    if (echo) (level === 'info' ? console.log : console.error)(line);
  };

  return {
    info: (message, detail) => write('info', message, detail),
    warn: (message, detail) => write('warn', message, detail),
    error: (message, detail) => write('error', message, detail),
  };
}
