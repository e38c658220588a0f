import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../common/contract/errors';
import { terminalMethods, type TerminalData, type TerminalExit } from '../../../common/contract/schemas/terminal';
import type { LocalShellRequest } from '../../../main/core/terminal/localShell';
import { terminalCalls } from '../../../main/core/terminal/terminalCalls';
import { memoryLogger, testPorts } from '../support/testPorts';
import { fakeTerminalSource, type FakeTerminalSource } from './fakeTerminalSource';

function setup() {
  const ports = testPorts();
  const pushed: { event: string; payload: TerminalData | TerminalExit }[] = [];
  const cleanups: (() => void | Promise<void>)[] = [];
  const sources: FakeTerminalSource[] = [];
  const requests: LocalShellRequest[] = [];
  const calls = terminalCalls(
    {
      ports: { ...ports, logger: memoryLogger() },
      events: { emit: (event: string, payload: TerminalData | TerminalExit) => pushed.push({ event, payload }) },
      onClose: (cleanup) => cleanups.push(cleanup),
    },
    {
      openLocal: async (request) => {
        requests.push(request);
        const source = fakeTerminalSource();
        sources.push(source);
        return { source, title: 'bash (local)', pid: 4242 };
      },
    },
  );
  return { calls, pushed, cleanups, sources, requests, ports };
}

async function rejection(call: Promise<unknown>): Promise<ApiError> {
  try {
    await call;
  } catch (err) {
    if (err instanceof ApiError) return err;
    throw err;
  }
  throw new Error('expected the call to be rejected');
}

describe('terminal calls', () => {
  it('opens a local shell of the requested size in the home folder and lists it', async () => {
    const { calls, requests, ports } = setup();
    const { terminalId } = await calls.openLocalTerminal({ cols: 100, rows: 30 });
    expect(requests).toEqual([{ cols: 100, rows: 30, homeDir: ports.paths.homeDir }]);
    expect(await calls.listTerminals({})).toEqual([
      expect.objectContaining({ terminalId, kind: 'local', title: 'bash (local)', nodeId: null, cols: 100, rows: 30 }),
    ]);
  });

  it('passes input, size and acks to the open terminal', async () => {
    const { calls, sources } = setup();
    const { terminalId } = await calls.openLocalTerminal({ cols: 80, rows: 24 });
    await calls.writeTerminal({ terminalId, data: 'echo hi\r' });
    expect(await calls.resizeTerminal({ terminalId, cols: 132, rows: 43 })).toEqual({ resized: true });
    expect(sources[0]!.writes).toEqual(['echo hi\r']);
    expect(sources[0]!.sizes).toEqual([[132, 43]]);
    await calls.ackTerminal({ terminalId, bytes: 10 });
  });

  it('refuses typing into a terminal that has ended, saying what to do', async () => {
    const { calls, sources } = setup();
    const { terminalId } = await calls.openLocalTerminal({ cols: 80, rows: 24 });
    sources[0]!.emitExit({ code: 0 });
    const err = await rejection(calls.writeTerminal({ terminalId, data: 'x' }));
    expect(err.code).toBe('not_found');
    expect(err.message).toMatch(/has already ended .* Open a new terminal\./);
  });

  it('answers a late resize, ack or close of an ended terminal quietly', async () => {
    const { calls } = setup();
    const { terminalId } = await calls.openLocalTerminal({ cols: 80, rows: 24 });
    expect(await calls.closeTerminal({ terminalId })).toEqual({ closed: true });
    expect(await calls.closeTerminal({ terminalId })).toEqual({ closed: false });
    expect(await calls.resizeTerminal({ terminalId, cols: 80, rows: 24 })).toEqual({ resized: false });
    expect(await calls.ackTerminal({ terminalId, bytes: 5 })).toEqual({});
    expect(await calls.listTerminals({})).toEqual([]);
  });

  it('closes every terminal when core closes', async () => {
    const { calls, cleanups, sources, pushed } = setup();
    await calls.openLocalTerminal({ cols: 80, rows: 24 });
    await calls.openLocalTerminal({ cols: 80, rows: 24 });
    for (const cleanup of cleanups) await cleanup();
    expect(sources.map((s) => s.closes)).toEqual([1, 1]);
    expect(sources.map((s) => s.listenerCount())).toEqual([0, 0]);
    expect(pushed.filter((p) => p.event === 'terminal.exit')).toHaveLength(2);
    expect(await calls.listTerminals({})).toEqual([]);
  });

  it('has schemas that refuse a nonsense size or an oversized paste with a readable message', () => {
    const open = terminalMethods.openLocalTerminal.input.safeParse({ cols: 0, rows: 24 });
    expect(open.success).toBe(false);
    expect(open.error?.issues[0]?.message).toBe('A terminal is at least 1 column wide.');
    const paste = terminalMethods.writeTerminal.input.safeParse({ terminalId: 't1', data: 'x'.repeat(1024 * 1024 + 1) });
    expect(paste.error?.issues[0]?.message).toBe('Send input in pieces of at most 1 MiB.');
    expect(terminalMethods.ackTerminal.input.safeParse({ terminalId: 't1', bytes: -1 }).success).toBe(false);
    expect(terminalMethods.closeTerminal.input.safeParse({ terminalId: 't1', extra: 1 }).success).toBe(false);
  });
});
