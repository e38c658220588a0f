/**
 * The lines of one log view, outside React: a bounded array in time order
 * (merged views insert what arrives late), dropping the oldest lines past
 * its capacity. Views read it on animation frames through `version`, and
 * filter incrementally while it only grows at the end (`layout` changes
 * when lines were inserted in the middle, so a full re-filter is needed).
 * Indexes handed out are absolute: `dropped` plus the position.
 */
import type { LogLine } from '../../../common/contract/schemas/logs';

/** 200,000 lines of ~300 bytes is about 60 MB of JS objects: well within a tab, and twice the 100,000 the viewer promises. */
export const LOG_BUFFER_CAPACITY = 200_000;

export interface LogBuffer {
  readonly lines: readonly LogLine[];
  /** Lines dropped from the front so far. */
  readonly dropped: number;
  /** Changes on every change. */
  readonly version: number;
  /** Changes when lines were inserted before the end (indexes past the insertion point moved). */
  readonly layout: number;
  add(batch: readonly LogLine[]): void;
  clear(): void;
  at(absolute: number): LogLine | undefined;
}

export function createLogBuffer(options: { capacity?: number; merged: boolean }): LogBuffer {
  const capacity = options.capacity ?? LOG_BUFFER_CAPACITY;
  let lines: LogLine[] = [];
  let dropped = 0;
  let version = 0;
  let layout = 0;
  // Merged views: each line's sort key (its time, or its node's last time) in an array beside it, compared as plain numbers.
  let keys: number[] = [];
  const lastTime = new Map<string, number>();
  const keyFor = (line: LogLine): number => {
    if (line.time !== null) {
      lastTime.set(line.nodeId, line.time);
      return line.time;
    }
    return lastTime.get(line.nodeId) ?? Number.NEGATIVE_INFINITY;
  };

  const mergeIn = (batch: readonly LogLine[]) => {
    const incoming = batch.map((line) => ({ key: keyFor(line), line }));
    incoming.sort((a, b) => a.key - b.key || a.line.seq - b.line.seq);
    const lastKey = keys[keys.length - 1];
    const lastSeq = lines[lines.length - 1]?.seq ?? 0;
    const first = incoming[0];
    if (lastKey === undefined || !first || first.key > lastKey || (first.key === lastKey && first.line.seq > lastSeq)) {
      for (const { key, line } of incoming) {
        lines.push(line);
        keys.push(key);
      }
      return;
    }
    // Two sorted runs into one: O(n + m), where splicing each late line in would be O(n) apiece.
    const total = lines.length + incoming.length;
    const outLines = new Array<LogLine>(total);
    const outKeys = new Array<number>(total);
    let i = 0;
    let j = 0;
    for (let k = 0; k < total; k += 1) {
      const mine = i < lines.length ? (keys[i] as number) : Number.POSITIVE_INFINITY;
      const next = incoming[j];
      const takeIncoming = next !== undefined && (i >= lines.length || next.key < mine || (next.key === mine && next.line.seq < (lines[i] as LogLine).seq));
      if (takeIncoming) {
        outLines[k] = next.line;
        outKeys[k] = next.key;
        j += 1;
      } else {
        outLines[k] = lines[i] as LogLine;
        outKeys[k] = mine;
        i += 1;
      }
    }
    lines = outLines;
    keys = outKeys;
    layout += 1;
  };

  return {
    get lines() {
      return lines;
    },
    get dropped() {
      return dropped;
    },
    get version() {
      return version;
    },
    get layout() {
      return layout;
    },
    add(batch) {
      if (batch.length === 0) return;
      if (options.merged) mergeIn(batch);
      else for (const line of batch) lines.push(line);
      if (lines.length > capacity) {
        // Drop a tenth more than needed, so a full buffer is not copied on every batch.
        const cut = Math.min(lines.length, lines.length - capacity + Math.floor(capacity / 10));
        lines = lines.slice(cut);
        if (options.merged) keys = keys.slice(cut);
        dropped += cut;
      }
      version += 1;
    },
    clear() {
      lines = [];
      keys = [];
      dropped = 0;
      lastTime.clear();
      version += 1;
      layout += 1;
    },
    at(absolute) {
      return lines[absolute - dropped];
    },
  };
}
