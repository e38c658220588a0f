/**
 * Helpers for the log tests: collect one stream's batches and node states
 * from a lab core's events, wait for a condition (bounded), and find a log
 * command's process on the lab node (the lab's nodes share this machine's
 * process table, so `ps` here sees what runs there).
 */
import { execFileSync } from 'node:child_process';
import { unpackLogLines, type LogLine } from '../../../common/contract/schemas/logs';
import type { LabServiceCore } from '../services/labServiceCore';

export interface CollectedStream {
  entries(): LogLine[];
  batches(): LogLine[][];
  states(): { nodeId: string; state: string; message?: string | undefined; command?: string | undefined }[];
}

export function collect(lab: LabServiceCore, streamId: string): CollectedStream {
  const batches: LogLine[][] = [];
  const states: ReturnType<CollectedStream['states']> = [];
  lab.api.on('logs.batch', (b) => {
    if (b.streamId === streamId) batches.push(unpackLogLines(b));
  });
  lab.api.on('logs.state', (s) => {
    if (s.streamId === streamId) states.push({ nodeId: s.nodeId, state: s.state, message: s.message, command: s.command });
  });
  return { entries: () => batches.flat(), batches: () => batches, states: () => states };
}

export async function waitFor(what: string, check: () => boolean, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}.`);
}

/** Command lines of running processes that contain every one of `words`. */
export function processesWith(words: readonly string[]): string[] {
  const out = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' });
  return out.split('\n').filter((l) => words.every((w) => l.includes(w)) && !l.includes('ps -eo'));
}

/** Total raw lines an entry stands for. */
export function rawLines(entries: readonly LogLine[]): number {
  return entries.reduce((n, e) => n + 1 + e.continuation.length, 0);
}
