/**
 * Backpressure of one log stream, the terminal's flow control (flowControl.ts)
 * applied to logs: every batch sent counts its weight until the viewer
 * acknowledges it (ackLogs); above the high watermark the SSH channels of all
 * the stream's nodes are paused (the remote journalctl / compose logs then
 * blocks on its pipe), below the low one they resume. So a viewer that falls
 * behind, or a tab in the background, cannot make core hold unbounded output.
 */
import type { LogLine } from '../../../../common/contract/schemas/logs';
import { createFlowControl, type Pausable } from '../../terminal/flowControl';

/**
 * 2 MiB of lines (~10,000 at journal widths) may be on the way to the viewer:
 * five full batches, enough that a load of 100,000 lines never waits on an
 * ack round trip while the viewer keeps up (it stores a batch in well under
 * a frame), and small next to ssh2's own 2 MiB channel buffer.
 */
export const LOG_HIGH_WATER_BYTES = 2 * 1024 * 1024;
/** Resume with half a megabyte still queued: the viewer stays fed while the node starts writing again. */
export const LOG_LOW_WATER_BYTES = 512 * 1024;

/** Per entry beyond its text: the JSON keys, times, level and node id on the wire and in memory. */
const ENTRY_OVERHEAD = 96;

/** What a batch weighs, as sent in `logs.batch` and acknowledged back by the viewer. */
export function batchWeight(lines: readonly LogLine[]): number {
  let bytes = 0;
  for (const line of lines) {
    bytes += ENTRY_OVERHEAD + line.text.length + (line.source?.length ?? 0) + (line.timeText?.length ?? 0);
    for (const c of line.continuation) bytes += c.length + 1;
  }
  return bytes;
}

export interface LogFlow {
  /** A node's channel opened (again, after a sudo retry): paused at once if the stream is. */
  attach(channel: Pausable): () => void;
  sent(bytes: number): void;
  acknowledged(bytes: number): void;
  /** The stream is closing: resume every channel so it can end. */
  release(): void;
  readonly unackedBytes: number;
  readonly isPaused: boolean;
}

export function createLogFlow(options: { highWaterBytes?: number; lowWaterBytes?: number } = {}): LogFlow {
  const channels = new Set<Pausable>();
  let paused = false;
  const all: Pausable = {
    pause() {
      paused = true;
      for (const c of channels) c.pause();
    },
    resume() {
      paused = false;
      for (const c of channels) c.resume();
    },
  };
  const flow = createFlowControl(all, {
    highWaterBytes: options.highWaterBytes ?? LOG_HIGH_WATER_BYTES,
    lowWaterBytes: options.lowWaterBytes ?? LOG_LOW_WATER_BYTES,
  });
  return {
    attach(channel) {
      channels.add(channel);
      if (paused) channel.pause();
      return () => void channels.delete(channel);
    },
    sent: (bytes) => flow.received(bytes),
    acknowledged: (bytes) => flow.acknowledged(bytes),
    release() {
      flow.release();
      channels.clear();
    },
    get unackedBytes() {
      return flow.unackedBytes;
    },
    get isPaused() {
      return flow.isPaused;
    },
  };
}
