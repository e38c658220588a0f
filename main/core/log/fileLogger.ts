/**
 * The app log of both forms (desktop and web): one JSON line per entry in
 * logsDir/clusterdeck.log, one previous file kept. Details are redacted
 * before they are written (keys that name a secret, values that look like
 * one), because a log file is the first thing an operator attaches to a bug
 * report. Core also scrubs secret values it has handled (secrets/redaction.ts).
 */
import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from '../ports';

// Rotate at 5 MB: weeks of normal use, small enough to attach to a bug report.
const ROTATE_BYTES = 5 * 1024 * 1024;

const SECRET_KEY = /pass(word|phrase)?|secret|token|answers?|credential|private.?key|^value$|cookie|authorization/i;
const SECRET_VALUES: RegExp[] = [
  /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(-----END [A-Z ]*PRIVATE KEY-----|$)/g,
  /([?&#]token=)[^&\s"']+/gi,
  /((?:password|passphrase|secret|token)\s*[=:]\s*)(?!\[redacted\])[^\s,;&"']+/gi,
];
const REDACTED = '[redacted]';

export function redactText(text: string): string {
  let out = text;
  for (const pattern of SECRET_VALUES) {
    out = out.replace(pattern, (match, prefix: unknown) =>
      typeof prefix === 'string' && !prefix.startsWith('-----') ? `${prefix}${REDACTED}` : REDACTED,
    );
  }
  return out;
}

export function redactDetail(value: unknown, depth = 0): unknown {
  if (depth > 6) return '[nested]';
  if (typeof value === 'string') return redactText(value);
  if (Array.isArray(value)) return value.map((v) => redactDetail(v, depth + 1));
  if (value instanceof Error) return redactText(value.stack ?? value.message);
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = SECRET_KEY.test(k) ? REDACTED : redactDetail(v, depth + 1);
    return out;
  }
  return value;
}

export interface FileLoggerOptions {
  /** Also print warnings and errors (all entries once the file cannot be written) to stderr. */
  echo?: boolean;
  now?: () => Date;
}

export function createFileLogger(logsDir: string, options: FileLoggerOptions = {}): Logger & { file: string } {
  const file = path.join(logsDir, 'clusterdeck.log');
  const now = options.now ?? (() => new Date());
  let echoAll = false;
  try {
    mkdirSync(logsDir, { recursive: true, mode: 0o700 });
    if ((statSync(file, { throwIfNoEntry: false })?.size ?? 0) > ROTATE_BYTES) renameSync(file, `${file}.1`);
  } catch {
    // A log that cannot be written must not stop the app; entries still reach stderr.
    echoAll = true;
  }
  const write = (level: 'info' | 'warn' | 'error', message: string, detail?: Record<string, unknown>) => {
    const entry = { at: now().toISOString(), level, message: redactText(message), ...(detail ? { detail: redactDetail(detail) } : {}) };
    const line = JSON.stringify(entry);
    try {
      // Synchronous on purpose: the last lines before a crash are the useful ones.
      appendFileSync(file, `${line}\n`, { mode: 0o600 });
    } catch {
      // A full or read-only disk must not take the app down with it.
      echoAll = true;
    }
    if (echoAll) process.stderr.write(`${line}\n`);
    else if (options.echo && level !== 'info') process.stderr.write(`${level}: ${entry.message}\n`);
  };
  return {
    file,
    info: (m, d) => write('info', m, d),
    warn: (m, d) => write('warn', m, d),
    error: (m, d) => write('error', m, d),
  };
}
