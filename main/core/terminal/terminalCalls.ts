/**
 * The terminal calls of the API: open a local shell or a shell on a node
 * (optionally running a shortcut), type into it, resize it, acknowledge its
 * output, close it, list what is open. Output itself is
 * pushed as terminal.data / terminal.exit events, never returned by a call.
 * Every open terminal is closed when core closes.
 */
import type { z } from 'zod';
import type { TerminalExit, TerminalInfo, terminalMethods } from '../../../common/contract/schemas/terminal';
import { ApiError } from '../../../common/contract/errors';
import type { CoreContext } from '../coreContext';
import type { CorePorts } from '../ports';
import type { FlowControlOptions } from './flowControl';
import { openLocalShell, type LocalShell, type LocalShellRequest } from './localShell';
import { openRemoteShell, type RemoteShell, type RemoteTerminalRequest } from './remoteTerminal';
import { remoteTerminalDepsOf } from './remoteTerminalDeps';
import { createTerminalRegistry } from './terminalRegistry';
import { terminalSettingsStore, type TerminalSettingsStore } from './terminalSettings';
import type { BatchingOptions, TerminalEventSink } from './terminalSession';

type TerminalMethods = typeof terminalMethods;

/** The same shape as Pick<CoreApi, keyof terminalMethods> once schemas.ts spreads terminalMethods. */
export type TerminalCalls = {
  [M in keyof TerminalMethods]: (
    input: z.output<TerminalMethods[M]['input']>,
  ) => Promise<z.output<TerminalMethods[M]['output']>>;
};

/** What local terminals need from CoreContext; remote ones need all of it (the SSH engine, profiles, services). */
export interface TerminalContext {
  ports: Pick<CorePorts, 'now' | 'logger' | 'paths'>;
  events: TerminalEventSink;
  onClose(cleanup: () => void | Promise<void>): void;
}

/**
 * At most this many terminals per node. sshd allows 10 channels per
 * connection (MaxSessions) and a terminal holds one for its whole life; the
 * last 2 stay free for status sweeps and control, which must never queue
 * behind an idle shell.
 */
export const MAX_TERMINALS_PER_NODE = 8;

function isCoreContext(ctx: TerminalContext): ctx is TerminalContext & CoreContext {
  return 'profiles' in ctx && 'store' in ctx;
}

export interface TerminalCallOptions {
  /** Starts a local shell; tests give a fake, core uses node-pty. */
  openLocal?: (request: LocalShellRequest) => Promise<LocalShell>;
  /** Opens a shell channel on a node; tests give one built on a lab engine, core builds it from CoreContext. */
  openRemote?: (request: RemoteTerminalRequest) => Promise<RemoteShell>;
  /** Where font size and scrollback are kept; core uses its store. */
  settings?: TerminalSettingsStore;
  batching?: BatchingOptions;
  flow?: FlowControlOptions;
}

export function terminalCalls(ctx: TerminalContext, options: TerminalCallOptions = {}): TerminalCalls {
  const { logger } = ctx.ports;
  const openLocal = options.openLocal ?? openLocalShell;
  let openRemote = options.openRemote;
  const remoteOpener = (): ((request: RemoteTerminalRequest) => Promise<RemoteShell>) => {
    if (openRemote) return openRemote;
    if (!isCoreContext(ctx)) throw new ApiError('internal', 'Terminals to nodes are not available in this build of core (no SSH engine).');
    const deps = remoteTerminalDepsOf(ctx);
    openRemote = (request) => openRemoteShell(deps, request);
    return openRemote;
  };
  let settings = options.settings;
  const settingsStore = (): TerminalSettingsStore => {
    if (settings) return settings;
    if (!isCoreContext(ctx)) throw new ApiError('internal', 'Terminal settings are not available in this build of core (no store).');
    settings = terminalSettingsStore(ctx.store, ctx.ports.now, logger);
    return settings;
  };
  const registry = createTerminalRegistry({
    events: ctx.events,
    now: ctx.ports.now,
    onEnded: (info: TerminalInfo, exit: TerminalExit) =>
      logger.info('terminal ended', {
        terminalId: info.terminalId,
        kind: info.kind,
        reason: exit.reason,
        code: exit.code,
        signal: exit.signal,
      }),
    ...(options.batching ? { batching: options.batching } : {}),
    ...(options.flow ? { flow: options.flow } : {}),
  });
  ctx.onClose(() => registry.closeAll());

  return {
    openLocalTerminal: async ({ cols, rows }) => {
      const shell = await openLocal({ cols, rows, homeDir: ctx.ports.paths.homeDir });
      const session = registry.open({ kind: 'local', title: shell.title, nodeId: null, cols, rows, source: shell.source });
      logger.info('terminal opened', { terminalId: session.id, kind: 'local', title: shell.title, pid: shell.pid });
      return { terminalId: session.id };
    },

    openRemoteTerminal: async ({ nodeId, cols, rows, command }) => {
      const open = registry.list().filter((t) => t.nodeId === nodeId).length;
      if (open >= MAX_TERMINALS_PER_NODE) {
        throw new ApiError(
          'invalid_input',
          `This node already has ${open} terminals open, the most ClusterDeck keeps on one connection (sshd allows 10 channels; 2 stay free for status and control). Close one of its terminals first.`,
        );
      }
      const remote = await remoteOpener()({ nodeId, cols, rows, command });
      const session = registry.open({ kind: 'remote', title: remote.title, nodeId, shortcut: command ?? null, cols, rows, source: remote.source });
      logger.info('terminal opened', { terminalId: session.id, kind: 'remote', nodeId, shortcut: command?.kind ?? null });
      return { terminalId: session.id, title: remote.title };
    },

    writeTerminal: async ({ terminalId, data }) => {
      registry.get(terminalId).write(data);
      return {};
    },

    // A resize or an ack can race with the terminal ending (the pane resizes as the tab closes,
    // xterm's write callback fires after the exit): both are answered quietly, not as errors.
    resizeTerminal: async ({ terminalId, cols, rows }) => ({
      resized: registry.find(terminalId)?.resize(cols, rows) ?? false,
    }),

    ackTerminal: async ({ terminalId, bytes }) => {
      registry.find(terminalId)?.ack(bytes);
      return {};
    },

    closeTerminal: async ({ terminalId }) => {
      const session = registry.find(terminalId);
      if (!session) return { closed: false };
      session.close();
      return { closed: true };
    },

    listTerminals: async () => registry.list(),

    getTerminalSettings: async () => settingsStore().read(),

    setTerminalSettings: async (change) => {
      const saved = settingsStore().save(change);
      logger.info('terminal settings saved', saved);
      return saved;
    },
  };
}
