/**
 * What a terminal session needs from whatever runs the shell: a local pty
 * (localShell.ts) or an ssh2 shell channel (remoteShell.ts). Deliberately small so the
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

/** The listener half every source shares: data fan-out, and one exit that clears everything. */
export interface SourceListeners {
  /** Set once the source has ended. */
  exited(): SourceExit | undefined;
  emitData(chunk: Uint8Array): void;
  /** Ends the source: exit listeners hear it once, then all listeners are dropped. Later calls do nothing. */
  finish(exit: SourceExit): void;
  onData: TerminalSource['onData'];
  onExit: TerminalSource['onExit'];
}

export function createSourceListeners(): SourceListeners {
  const dataListeners = new Set<(chunk: Uint8Array) => void>();
  const exitListeners = new Set<(exit: SourceExit) => void>();
  let exited: SourceExit | undefined;
  return {
    exited: () => exited,
    emitData(chunk) {
      for (const listener of dataListeners) listener(chunk);
    },
    finish(exit) {
      if (exited) return;
      exited = exit;
      const listeners = [...exitListeners];
      exitListeners.clear();
      dataListeners.clear();
      for (const listener of listeners) listener(exit);
    },
    onData(listener) {
      if (exited) return () => {};
      dataListeners.add(listener);
      return () => dataListeners.delete(listener);
    },
    onExit(listener) {
      if (exited) {
        listener(exited);
        return () => {};
      }
      exitListeners.add(listener);
      return () => exitListeners.delete(listener);
    },
  };
}
