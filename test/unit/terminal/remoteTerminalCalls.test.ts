import { describe, expect, it } from 'vitest';
import type { TerminalData, TerminalExit } from '../../../common/contract/schemas/terminal';
import type { RemoteTerminalRequest } from '../../../main/core/terminal/remoteTerminal';
import { MAX_TERMINALS_PER_NODE, terminalCalls } from '../../../main/core/terminal/terminalCalls';
import { memoryLogger, testPorts } from '../support/testPorts';
import { fakeTerminalSource, type FakeTerminalSource } from './fakeTerminalSource';

function setup() {
  const pushed: { event: string; payload: TerminalData | TerminalExit }[] = [];
  const sources: FakeTerminalSource[] = [];
  const requests: RemoteTerminalRequest[] = [];
  const calls = terminalCalls(
    {
      ports: { ...testPorts(), logger: memoryLogger() },
      events: { emit: (event: string, payload: TerminalData | TerminalExit) => pushed.push({ event, payload }) },
      onClose: () => undefined,
    },
    {
      openRemote: async (request) => {
        requests.push(request);
        const source = fakeTerminalSource();
        sources.push(source);
        return { source, title: `prod / ${request.nodeId}` };
      },
    },
  );
  return { calls, pushed, sources, requests };
}

describe('remote terminal calls', () => {
  it('opens a shell on the node with the shortcut asked for and lists it as remote', async () => {
    const { calls, requests } = setup();
    const opened = await calls.openRemoteTerminal({ nodeId: 'bai-m1', cols: 100, rows: 30, command: { kind: 'dbshell' } });
    expect(opened).toEqual({ terminalId: expect.any(String), title: 'prod / bai-m1' });
    expect(requests).toEqual([{ nodeId: 'bai-m1', cols: 100, rows: 30, command: { kind: 'dbshell' } }]);
    expect(await calls.listTerminals({})).toEqual([
      expect.objectContaining({ terminalId: opened.terminalId, kind: 'remote', nodeId: 'bai-m1', title: 'prod / bai-m1', shortcut: { kind: 'dbshell' } }),
    ]);
  });

  it('shows a dropped connection as lost with its message, and forgets the terminal', async () => {
    const { calls, pushed, sources } = setup();
    const { terminalId } = await calls.openRemoteTerminal({ nodeId: 'bai-a02', cols: 80, rows: 24 });
    sources[0]!.emitData('last words\r\n');
    sources[0]!.emitExit({ code: null, reason: 'lost', message: 'bai-a02 (192.0.2.22:22) stopped answering.' });
    expect(pushed.map((p) => p.event)).toEqual(['terminal.data', 'terminal.exit']);
    expect(pushed[1]!.payload).toEqual({ terminalId, code: null, signal: null, reason: 'lost', message: 'bai-a02 (192.0.2.22:22) stopped answering.' });
    expect(await calls.listTerminals({})).toEqual([]);
    expect(sources[0]!.listenerCount()).toBe(0);
  });

  it(`keeps at most ${MAX_TERMINALS_PER_NODE} terminals on one node, leaving sshd sessions for status and control`, async () => {
    const { calls, requests } = setup();
    const ids: string[] = [];
    for (let i = 0; i < MAX_TERMINALS_PER_NODE; i++) ids.push((await calls.openRemoteTerminal({ nodeId: 'bai-a01', cols: 80, rows: 24 })).terminalId);
    await expect(calls.openRemoteTerminal({ nodeId: 'bai-a01', cols: 80, rows: 24 })).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringContaining('Close one of its terminals first') });
    expect(requests).toHaveLength(MAX_TERMINALS_PER_NODE);
    // Another node is not affected, and closing one makes room again.
    await calls.openRemoteTerminal({ nodeId: 'bai-a02', cols: 80, rows: 24 });
    await calls.closeTerminal({ terminalId: ids[0]! });
    await expect(calls.openRemoteTerminal({ nodeId: 'bai-a01', cols: 80, rows: 24 })).resolves.toMatchObject({ title: 'prod / bai-a01' });
  });
});
