/**
 * The open terminals of this core, by id. A terminal leaves the registry the
 * moment it ends, whoever ended it, so nothing here outlives its shell; core's
 * close() closes whatever is still open.
 */
import { randomUUID } from 'node:crypto';
import { ApiError } from '../../../common/contract/errors';
import type { TerminalExit, TerminalInfo, TerminalKind, TerminalShortcut } from '../../../common/contract/schemas/terminal';
import type { FlowControlOptions } from './flowControl';
import {
  createTerminalSession,
  type BatchingOptions,
  type TerminalEventSink,
  type TerminalSession,
} from './terminalSession';
import type { TerminalSource } from './terminalSource';

export interface TerminalRegistryDeps {
  events: TerminalEventSink;
  now: () => Date;
  newId?: () => string;
  /** After a terminal has ended and left the registry (for the app log). */
  onEnded?: (info: TerminalInfo, exit: TerminalExit) => void;
  batching?: BatchingOptions;
  flow?: FlowControlOptions;
}

export interface OpenTerminal {
  kind: TerminalKind;
  title: string;
  nodeId: string | null;
  /** The shortcut a remote terminal was opened with; listed so a restored tab reconnects to the same. */
  shortcut?: TerminalShortcut | null | undefined;
  cols: number;
  rows: number;
  source: TerminalSource;
}

export interface TerminalRegistry {
  /** Wires the source into a session; its output starts flowing as events. */
  open(spec: OpenTerminal): TerminalSession;
  find(terminalId: string): TerminalSession | undefined;
  /** The session, or a not_found ApiError a person can act on. */
  get(terminalId: string): TerminalSession;
  list(): TerminalInfo[];
  closeAll(): void;
  readonly size: number;
}

export function createTerminalRegistry(deps: TerminalRegistryDeps): TerminalRegistry {
  const sessions = new Map<string, TerminalSession>();
  const newId = deps.newId ?? randomUUID;

  const get = (terminalId: string): TerminalSession => {
    const session = sessions.get(terminalId);
    if (!session) {
      throw new ApiError(
        'not_found',
        `Terminal ${terminalId.slice(0, 8)} has already ended (its shell exited or the tab was closed). Open a new terminal.`,
      );
    }
    return session;
  };

  return {
    open(spec) {
      const id = newId();
      const session = createTerminalSession(
        { ...spec, id, openedAt: deps.now().toISOString() },
        {
          events: deps.events,
          onEnded: (endedId, exit) => {
            const ended = sessions.get(endedId);
            sessions.delete(endedId);
            if (ended) deps.onEnded?.(ended.info(), exit);
          },
          ...(deps.batching ? { batching: deps.batching } : {}),
          ...(deps.flow ? { flow: deps.flow } : {}),
        },
      );
      // A source that ended while being wired has already said so; do not keep it.
      if (!session.isEnded) sessions.set(id, session);
      return session;
    },
    find: (terminalId) => sessions.get(terminalId),
    get,
    list: () => [...sessions.values()].map((s) => s.info()),
    closeAll() {
      for (const session of [...sessions.values()]) session.close();
    },
    get size() {
      return sessions.size;
    },
  };
}
