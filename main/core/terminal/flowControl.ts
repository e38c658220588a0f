/**
 * Acknowledgement-based backpressure for one terminal: counts the bytes taken
 * from the source that the renderer has not yet acknowledged, pauses the
 * source above a high watermark and resumes it below a low one. Pure: it only
 * counts and calls pause()/resume(); it holds no data itself.
 */

/**
 * 512 KiB high watermark. Large enough to keep a fast renderer busy through
 * an ack round trip (35 MB/s x ~10 ms IPC/WebSocket turnaround = 350 KB), so
 * flow control costs no throughput. Small enough that what is queued ahead of
 * a keystroke's echo or of Ctrl-C drains in about 100 ms even at xterm's
 * slowest 5 MB/s, and that memory per terminal stays well under a megabyte
 * however much the program prints. Tabby pauses at 500 KiB for the same reasons.
 */
export const HIGH_WATER_BYTES = 512 * 1024;

/**
 * 128 KiB low watermark. The gap stops pause/resume flapping on every batch
 * (each resume is a syscall locally, a window adjust over SSH), and resuming
 * while a quarter is still queued keeps the renderer fed during the ~5 ms the
 * source needs to deliver again.
 */
export const LOW_WATER_BYTES = 128 * 1024;

export interface Pausable {
  pause(): void;
  resume(): void;
}

export interface FlowControlOptions {
  highWaterBytes?: number;
  lowWaterBytes?: number;
}

export interface FlowControl {
  /** Bytes arrived from the source (whether still in the batcher or already sent). */
  received(bytes: number): void;
  /** Bytes the renderer has written into xterm. Acks beyond what was sent are ignored. */
  acknowledged(bytes: number): void;
  /** The terminal is closing: forget the count, and resume the source so it can drain and exit. */
  release(): void;
  readonly unackedBytes: number;
  readonly isPaused: boolean;
}

export function createFlowControl(source: Pausable, options: FlowControlOptions = {}): FlowControl {
  const high = options.highWaterBytes ?? HIGH_WATER_BYTES;
  const low = options.lowWaterBytes ?? LOW_WATER_BYTES;
  if (!(low >= 0 && high > low)) {
    throw new Error(`flowControl: need 0 <= lowWaterBytes < highWaterBytes, got low=${low} high=${high}`);
  }
  let unacked = 0;
  let paused = false;
  let released = false;

  return {
    received(bytes) {
      if (released) return;
      unacked += bytes;
      if (!paused && unacked >= high) {
        paused = true;
        source.pause();
      }
    },
    acknowledged(bytes) {
      if (released || !(bytes > 0)) return;
      // Two windows acking the same batch (the web form open twice) must not drive the count below zero.
      unacked = Math.max(0, unacked - bytes);
      if (paused && unacked <= low) {
        paused = false;
        source.resume();
      }
    },
    release() {
      if (released) return;
      released = true;
      unacked = 0;
      // A paused pty never reaches end-of-file, so it would never report its exit.
      if (paused) {
        paused = false;
        source.resume();
      }
    },
    get unackedBytes() {
      return unacked;
    },
    get isPaused() {
      return paused;
    },
  };
}
