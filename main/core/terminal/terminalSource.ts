/**
 * What a terminal session needs from whatever runs the shell: a local pty
 * (localShell.ts) or, later, an ssh2 shell channel. Deliberately small so the
 * pipeline (batching, backpressure, events) is tested with a plain fake.
 */
import type { TerminalExitReason } from '../../../common/contract/schemas/terminal';

/** Removes the listener it came from. Calling it twice is harmless. */
export type Unsubscribe = () => void;

export interface SourceExit {
  code: number | null;
  signal: string | null;
  reason: TerminalExitReason;
  /** For 'lost' and 'failed': what happened, in a sentence for the tab. */
  message?: string;
}

export interface TerminalSource {
  /** Raw output bytes, in order. Decoding is the batcher's job, so byte counts stay exact. */
  onData(listener: (chunk: Uint8Array) => void): Unsubscribe;
  /** Fires once, when the shell has ended (by itself, by close(), or by a lost connection). */
  onExit(listener: (exit: SourceExit) => void): Unsubscribe;
  /** Stop reading output (pty.pause(), channel.pause()); the program blocks once the OS buffer is full. */
  pause(): void;
  resume(): void;
  /** Keyboard input. Never blocked by pause(): input and output are separate directions. */
  write(input: string): void;
  resize(cols: number, rows: number): void;
  /** End the shell and free the pty/channel; onExit follows. Safe to call more than once. */
  close(): void;
}
