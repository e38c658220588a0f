/**
 * Reconnect delays: exponential with "equal jitter" (half fixed, half random)
 * and a cap, so a room of laptops waking at once does not hammer a bastion in
 * lockstep, and the first retry is never instant. Pure.
 */
export interface BackoffOptions {
  baseMs: number;
  capMs: number;
  /** How many automatic attempts before the node is reported failed. */
  maxAttempts: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 1000, capMs: 30_000, maxAttempts: 8 };

/** Delay before attempt number `attempt` (0-based); `random` in [0, 1). */
export function backoffDelay(attempt: number, options: BackoffOptions, random: number): number {
  const exp = Math.min(options.capMs, options.baseMs * 2 ** Math.max(0, attempt));
  return Math.round(exp / 2 + (exp / 2) * Math.min(Math.max(random, 0), 1));
}

/** The whole schedule, for tests and for the UI's "next retry in" text. */
export function backoffSchedule(options: BackoffOptions, random: () => number): number[] {
  return Array.from({ length: options.maxAttempts }, (_, i) => backoffDelay(i, options, random()));
}
