/** How long the WebSocket waits before reconnect attempt N. */

/** 0.5 s doubling to 5 s: quick after a server restart, gentle while it stays down. */
const RETRY_MIN_MS = 500;
const RETRY_MAX_MS = 5_000;

export function retryDelayMs(attempt: number): number {
  return Math.min(RETRY_MAX_MS, RETRY_MIN_MS * 2 ** Math.max(0, attempt - 1));
}
