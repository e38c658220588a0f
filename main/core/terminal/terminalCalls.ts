/**
 * The terminal calls of the API: open a local shell, type into it, resize it,
 * acknowledge its output, close it, list what is open. Output itself is
 * pushed as terminal.data / terminal.exit events, never returned by a call.
 * Every open terminal is closed when core closes.
 */
import type { z } from 'zod';
import type { TerminalExit, TerminalInfo, terminalMethods } from '../../../common/contract/schemas/terminal';
import type { CorePorts } from '../ports';
import type { FlowControlOptions } from './flowControl';
import { openLocalShell, type LocalShell, type LocalShellRequest } from './localShell';
import { createTerminalRegistry } from './terminalRegistry';
import type { BatchingOptions, TerminalEventSink } from './terminalSession';

type TerminalMethods = typeof terminalMethods;

/** The same shape as Pick<CoreApi, keyof terminalMethods> once schemas.ts spreads terminalMethods. */
export type TerminalCalls = {
  [M in keyof TerminalMethods]: (
    input: z.output<TerminalMethods[M]['input']>,
  ) => Promise<z.output<TerminalMethods[M]['output']>>;
};

/** What terminals need from CoreContext (which satisfies it once events.ts has terminalEvents). */
export interface TerminalContext {
  ports: Pick<CorePorts, 'now' | 'logger' | 'paths'>;
  events: TerminalEventSink;
  onClose(cleanup: () => void | Promise<void>): void;
}

export interface TerminalCallOptions {
  /** Starts a local shell; tests give a fake, core uses node-pty. */
  openLocal?: (request: LocalShellRequest) => Promise<LocalShell>;
  batching?: BatchingOptions;
  flow?: FlowControlOptions;
}

export function terminalCalls(ctx: TerminalContext, options: TerminalCallOptions = {}): TerminalCalls {
  const { logger } = ctx.ports;
  const openLocal = options.openLocal ?? openLocalShell;
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

    // openRemoteTerminal slots in here once the SSH engine can open a shell channel with a pty:
    //   const remote = await openRemoteShell(engine, { nodeId, cols, rows, command });  // -> TerminalSource + title
    //   return { terminalId: registry.open({ kind: 'remote', nodeId, title: remote.title, cols, rows, source: remote.source }).id };
    // A dropped connection ends the session with reason 'lost' and a message for the tab.

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
  };
}
