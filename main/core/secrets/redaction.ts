/**
 * Keeps secrets out of the app log: detail fields whose names say "password",
 * "passphrase", "secret", "token", "answers" or "otp" are replaced, and any
 * string that contains a secret value this process has handled is scrubbed.
 * The logger port is wrapped once in createCore, so no caller can forget.
 */
import type { Logger } from '../ports';

const SECRET_FIELD = /pass(word|phrase)?|secret|token|answers?|otp|ciphertext|credential/i;
export const REDACTED = '[redacted]';

/** Secret values seen in this process (saved, decrypted or typed), to scrub from log text. */
export interface SecretValues {
  add(value: string): void;
  values(): Iterable<string>;
}

export function createSecretValues(): SecretValues {
  const set = new Set<string>();
  return {
    // Very short values would scrub ordinary words; they are still caught by field names.
    add: (v) => {
      if (v.length >= 4) set.add(v);
    },
    values: () => set,
  };
}

function scrub(text: string, values: Iterable<string>): string {
  let out = text;
  for (const v of values) if (out.includes(v)) out = out.split(v).join(REDACTED);
  return out;
}

export function redactValue(value: unknown, values: Iterable<string>, depth = 0): unknown {
  if (typeof value === 'string') return scrub(value, values);
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => redactValue(v, values, depth + 1));
  if (value instanceof Error) return { name: value.name, message: scrub(value.message, values) };
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = SECRET_FIELD.test(k) ? REDACTED : redactValue(v, values, depth + 1);
  return out;
}

export function createRedactingLogger(logger: Logger, secrets: SecretValues): Logger {
  const wrap = (level: keyof Logger) => (message: string, detail?: Record<string, unknown>) =>
    logger[level](scrub(message, secrets.values()), detail === undefined ? undefined : (redactValue(detail, secrets.values()) as Record<string, unknown>));
  return { info: wrap('info'), warn: wrap('warn'), error: wrap('error') };
}
