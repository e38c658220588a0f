/**
 * A fake of ClusterDeck's own TerminalSource interface (not of ssh2 or
 * node-pty): records pause/resume/write/resize/close and counts listeners,
 * so tests can prove a session leaves nothing attached when it ends.
 */
import type { SourceExit, TerminalSource } from '../../../main/core/terminal/terminalSource';

export interface FakeTerminalSource extends TerminalSource {
  emitData(chunk: Uint8Array | string): void;
  emitExit(exit?: Partial<SourceExit>): void;
  listenerCount(): number;
  readonly paused: boolean;
  readonly pauses: number;
  readonly resumes: number;
  readonly writes: string[];
  readonly sizes: [number, number][];
  readonly closes: number;
}

export function fakeTerminalSource(): FakeTerminalSource {
  const data = new Set<(chunk: Uint8Array) => void>();
  const exits = new Set<(exit: SourceExit) => void>();
  const state = { paused: false, pauses: 0, resumes: 0, closes: 0 };
  const writes: string[] = [];
  const sizes: [number, number][] = [];
  return {
    onData(listener) {
      data.add(listener);
      return () => data.delete(listener);
    },
    onExit(listener) {
      exits.add(listener);
      return () => exits.delete(listener);
    },
    pause() {
      state.paused = true;
      state.pauses++;
    },
    resume() {
      state.paused = false;
      state.resumes++;
    },
    write: (input) => writes.push(input),
    resize: (cols, rows) => sizes.push([cols, rows]),
    close() {
      state.closes++;
    },
    emitData(chunk) {
      const bytes = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
      for (const listener of [...data]) listener(bytes);
    },
    emitExit(exit = {}) {
      const full: SourceExit = { code: 0, signal: null, reason: 'exited', ...exit };
      for (const listener of [...exits]) listener(full);
    },
    listenerCount: () => data.size + exits.size,
    get paused() {
      return state.paused;
    },
    get pauses() {
      return state.pauses;
    },
    get resumes() {
      return state.resumes;
    },
    get closes() {
      return state.closes;
    },
    writes,
    sizes,
  };
}
