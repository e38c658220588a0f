/**
 * Collects a log stream's lines and hands them on as one `logs.batch` a few
 * ms later or as soon as a size limit is reached, like the terminal's
 * outputBatcher. With several nodes in one stream each batch is sorted by
 * time (stable, by seq), so a merged view mostly only appends; the renderer
 * merges what still arrives out of order across batches.
 */
import type { LogLine } from '../../../../common/contract/schemas/logs';

/**
 * 40 ms: the viewer draws once per animation frame (16.7 ms), so smaller
 * batches buy nothing on screen and cost a message each; at 5,000 lines/s a
 * batch holds ~200 lines, and a follow's new line shows within 1/25 s.
 */
export const LOG_FLUSH_AFTER_MS = 40;
/** 2,000 lines (~0.4 MB of packed JSON): loading 100,000 lines is 50 messages, each parsed well within a frame or two. */
export const LOG_MAX_BATCH = 2_000;

export interface LogBatcher {
  push(lines: readonly LogLine[]): void;
  flush(): void;
  close(): void;
}

export function createLogBatcher(options: {
  onFlush: (lines: LogLine[]) => void;
  sortByTime: boolean;
  flushAfterMs?: number;
  maxBatch?: number;
}): LogBatcher {
  const flushAfterMs = options.flushAfterMs ?? LOG_FLUSH_AFTER_MS;
  const maxBatch = options.maxBatch ?? LOG_MAX_BATCH;
  // A line without a time sorts right after its node's previous timed line.
  const lastTime = new Map<string, number>();
  let pending: LogLine[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;

  const sortKey = (line: LogLine): number => {
    if (line.time !== null) {
      lastTime.set(line.nodeId, line.time);
      return line.time;
    }
    return lastTime.get(line.nodeId) ?? Number.NEGATIVE_INFINITY;
  };

  const flush = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (pending.length === 0) return;
    let batch = pending;
    pending = [];
    if (options.sortByTime) {
      const keyed = batch.map((line) => ({ key: sortKey(line), line }));
      keyed.sort((a, b) => a.key - b.key || a.line.seq - b.line.seq);
      batch = keyed.map((k) => k.line);
    }
    options.onFlush(batch);
  };

  return {
    push(lines) {
      if (closed || lines.length === 0) return;
      for (const line of lines) {
        pending.push(line);
        if (pending.length >= maxBatch) flush();
      }
      if (pending.length > 0 && timer === undefined) timer = setTimeout(flush, flushAfterMs);
    },
    flush,
    close() {
      if (closed) return;
      flush();
      closed = true;
    },
  };
}
