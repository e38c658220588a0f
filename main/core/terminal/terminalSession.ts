/**
 * One open terminal: wires its source's output through the batcher and flow
 * control into `terminal.data` events, takes input, resize, acks and close,
 * and when it ends (shell exit, close, lost connection) removes every
 * listener it added and emits exactly one `terminal.exit`.
 */
import { ApiError } from '../../../common/contract/errors';
import {
  TerminalShortcut,
  type TerminalData,
  type TerminalExit,
  type TerminalInfo,
  type TerminalKind,
} from '../../../common/contract/schemas/terminal';
import { createFlowControl, type FlowControlOptions } from './flowControl';
import { createOutputBatcher } from './outputBatcher';
import type { SourceExit, TerminalSource, Unsubscribe } from './terminalSource';

/** Where a session's events go: core's event hub, or a collector in tests. */
export interface TerminalEventSink {
  emit(event: 'terminal.data', payload: TerminalData): void;
  emit(event: 'terminal.exit', payload: TerminalExit): void;
}

export interface BatchingOptions {
  flushAfterMs?: number;
  maxBatchBytes?: number;
}

export interface TerminalSessionSpec {
  id: string;
  kind: TerminalKind;
  title: string;
  nodeId: string | null;
  /** What the terminal runs instead of the login shell; kept so a restored tab reconnects to the same. */
  shortcut?: TerminalShortcut | null | undefined;
  cols: number;
  rows: number;
  openedAt: string;
  source: TerminalSource;
}

export interface TerminalSessionDeps {
  events: TerminalEventSink;
  /** Called once when the session has ended, after its terminal.exit. */
  onEnded: (id: string, exit: TerminalExit) => void;
  batching?: BatchingOptions;
  flow?: FlowControlOptions;
}

export interface TerminalSession {
  readonly id: string;
  readonly isEnded: boolean;
  info(): TerminalInfo;
  write(data: string): void;
  /** False when the terminal has ended or the source refused the size. */
  resize(cols: number, rows: number): boolean;
  ack(bytes: number): void;
  /** End it from our side: flush, emit terminal.exit {reason:'closed'}, close the source. */
  close(): void;
}

export function createTerminalSession(spec: TerminalSessionSpec, deps: TerminalSessionDeps): TerminalSession {
  const { id, source } = spec;
  let cols = spec.cols;
  let rows = spec.rows;
  let seq = 0;
  let ended = false;
  // Parsed again here, so the list only ever carries a descriptor the contract accepts, and our own copy of it.
  const parsedShortcut = TerminalShortcut.nullable().safeParse(spec.shortcut ?? null);
  if (!parsedShortcut.success) {
    source.close();
    throw new ApiError('invalid_input', 'This terminal was asked to run something that is not a ClusterDeck shortcut (container shell, journal or dbshell); it was not opened.');
  }
  const shortcut = parsedShortcut.data;

  const flow = createFlowControl(source, deps.flow);
  const batcher = createOutputBatcher({
    ...deps.batching,
    onFlush: ({ data, bytes }) => deps.events.emit('terminal.data', { terminalId: id, seq: ++seq, data, bytes }),
  });

  let unsubscribeData: Unsubscribe = () => {};
  let unsubscribeExit: Unsubscribe = () => {};
  unsubscribeData = source.onData((chunk) => {
    if (ended) return;
    // Counted on arrival, so bytes still waiting in the batcher are inside the watermark too.
    flow.received(chunk.byteLength);
    batcher.push(chunk);
  });
  unsubscribeExit = source.onExit((exit) => end(exit));
  // A source that had already ended reports it while we subscribe, before the unsubscribers exist.
  if (ended) {
    unsubscribeData();
    unsubscribeExit();
  }

  function end(exit: SourceExit): void {
    if (ended) return;
    ended = true;
    unsubscribeData();
    unsubscribeExit();
    // The last output goes out before the exit, so the tab shows what the shell printed last.
    batcher.close();
    flow.release();
    const payload: TerminalExit = { terminalId: id, code: exit.code, signal: exit.signal, reason: exit.reason };
    if (exit.message !== undefined) payload.message = exit.message;
    deps.events.emit('terminal.exit', payload);
    deps.onEnded(id, payload);
  }

  return {
    id,
    get isEnded() {
      return ended;
    },
    info: () => ({
      terminalId: id,
      kind: spec.kind,
      title: spec.title,
      nodeId: spec.nodeId,
      shortcut: shortcut ? { ...shortcut } : null,
      cols,
      rows,
      openedAt: spec.openedAt,
      paused: flow.isPaused,
      unackedBytes: flow.unackedBytes,
    }),
    write(data) {
      if (!ended) source.write(data);
    },
    resize(newCols, newRows) {
      if (ended) return false;
      try {
        source.resize(newCols, newRows);
      } catch {
        // The pty went away between the check and the ioctl; its exit is on the way.
        return false;
      }
      cols = newCols;
      rows = newRows;
      return true;
    },
    ack(bytes) {
      if (!ended) flow.acknowledged(bytes);
    },
    close() {
      if (ended) return;
      end({ code: null, signal: null, reason: 'closed' });
      source.close();
    },
  };
}
