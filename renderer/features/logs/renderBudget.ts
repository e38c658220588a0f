/**
 * How often the log list may re-render while lines pour in: at most a share
 * of the main thread. TanStack Virtual lays out every row again whenever the
 * row count changes (getMeasurements from index 0), so a render of a 100,000
 * line view costs milliseconds; rendering on every frame during a load then
 * starves the WebSocket messages and acknowledgements the load waits on.
 * Small views render cheaply and so still render on every frame.
 */

/** The list may spend about a tenth of the time rendering; the rest goes to receiving lines and the browser's own work. */
export const LIST_RENDER_SHARE = 0.1;
/** Never wait longer than this between renders: a load still visibly grows. */
export const MAX_RENDER_GAP_MS = 250;

/** A requested render not on the page after this long was skipped by React: ask again. */
const LOST_REQUEST_MS = 1_000;

export interface RenderBudget {
  /** The list was asked to render for new lines. */
  requested(now: number): void;
  /** A render is on the page (call in a layout effect); times the one requested, if any. */
  committed(now: number): void;
  /** Whether new lines may be rendered now. */
  due(now: number): boolean;
}

export function createRenderBudget(share = LIST_RENDER_SHARE): RenderBudget {
  let requestedAt: number | null = null;
  let committedAt = Number.NEGATIVE_INFINITY;
  let cost = 0;
  return {
    requested(now) {
      requestedAt = now;
    },
    committed(now) {
      if (requestedAt === null) return;
      cost = Math.max(0, now - requestedAt);
      committedAt = now;
      requestedAt = null;
    },
    due(now) {
      // One render at a time: a request not yet on the page is not doubled (unless it got lost).
      if (requestedAt !== null && now - requestedAt < LOST_REQUEST_MS) return false;
      const gap = Math.min(MAX_RENDER_GAP_MS, (cost * (1 - share)) / share);
      return now - committedAt >= gap;
    },
  };
}
