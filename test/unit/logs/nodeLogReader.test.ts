/**
 * The node log reader's decisions, with a stand-in for the SSH engine's
 * exec (the engine itself is tested against the lab): retry under sudo when
 * journald hides lines, a failed command's sentence, compose v1's local
 * "since", and "closed" when the stream is cancelled.
 */
import { describe, expect, it } from 'vitest';
import type { ServiceEntry } from '../../../common/contract/schemas/services';
import type { LogEntry } from '../../../main/core/actions/logs/logEntry';
import { readNodeLogs, type NodeLogRead } from '../../../main/core/actions/logs/nodeLogReader';
import type { ExecOptions, ExecResult, SshEngine } from '../../../main/core/ssh/sshEngine';

interface Call {
  argv: readonly string[];
  sudo: boolean;
}

type Script = (opts: ExecOptions, call: Call) => Promise<ExecResult>;

const result = (exitCode: number): ExecResult => ({ exitCode, signal: null, stdout: '', stderr: '', truncated: false, durationMs: 1 });

function engineRunning(scripts: Script[], calls: Call[]): SshEngine {
  const exec = (_nodeId: string, argv: readonly string[], opts: ExecOptions = {}) => {
    const call = { argv, sudo: opts.sudo ?? false };
    calls.push(call);
    const script = scripts[calls.length - 1];
    if (!script) throw new Error('no more scripted runs');
    return script(opts, call);
  };
  return { exec } as unknown as SshEngine;
}

const unit: ServiceEntry = { id: 'agent', role: 'agent', nodeId: 'n1', label: 'Agent', tier: 3, critical: false, optional: false, kind: 'systemd', unit: 'backendai-agent.service' } as ServiceEntry;

function reading(engine: SshEngine, fields: Partial<NodeLogRead> = {}) {
  const entries: LogEntry[] = [];
  const states: string[] = [];
  const read: NodeLogRead = {
    engine,
    nodeId: 'n1',
    nodeName: 'bai-a01',
    service: unit,
    query: { lines: 10, follow: false },
    composeCli: null,
    composeSudo: false,
    sudo: 'auto',
    signal: new AbortController().signal,
    onEntries: (e) => entries.push(...e),
    onState: (state, detail) => states.push(detail?.message ? `${state}: ${detail.message}` : state),
    ...fields,
  };
  return { read, entries, states };
}

const line = (t: string, text: string) => `${t} bai-a01 python[7]: ${text}\n`;

describe('reading one node\'s log', () => {
  it('reads again under sudo when journalctl says it hides other users\' lines', async () => {
    const calls: Call[] = [];
    const engine = engineRunning(
      [
        async (opts) => {
          opts.onStderr?.(Buffer.from('Hint: You are currently not seeing messages from other users and the system.\n'));
          await new Promise((r) => setTimeout(r, 5));
          if (opts.signal?.aborted) throw new Error('cancelled');
          return result(0);
        },
        async (opts) => {
          opts.onStdout?.(Buffer.from(line('2026-11-29T06:00:00+0000', 'started')));
          return result(0);
        },
      ],
      calls,
    );
    const { read, entries, states } = reading(engine);
    await readNodeLogs(read);
    expect(calls.map((c) => c.sudo)).toEqual([false, true]);
    expect(entries.map((e) => e.text)).toEqual(['started']);
    expect(states).toEqual(['starting', 'running', 'running', 'ended']);
  });

  it('does not retry when sudo is "never", and says why a command failed', async () => {
    const calls: Call[] = [];
    const engine = engineRunning(
      [
        async (opts) => {
          opts.onStderr?.(Buffer.from('Failed to parse timestamp: x\n'));
          return result(1);
        },
      ],
      calls,
    );
    const { read, states } = reading(engine, { sudo: 'never' });
    await readNodeLogs(read);
    expect(calls).toHaveLength(1);
    expect(states.at(-1)).toBe('failed: `journalctl --output short-iso -u backendai-agent.service -n 10 --no-pager` on bai-a01 ended with exit 1: Failed to parse timestamp: x.');
  });

  it('drops compose v1 lines older than "since" itself, as v1 cannot', async () => {
    const calls: Call[] = [];
    const compose = { id: 'postgres', role: 'postgres', nodeId: 'n1', label: 'PostgreSQL', tier: 0, critical: true, optional: false, kind: 'compose', halfstackDir: '/h', composeFile: 'docker-compose.hs.postgres.yaml', composeProject: 'halfstack', containerPatterns: ['halfstack-db'] } as ServiceEntry;
    const engine = engineRunning(
      [
        async (opts) => {
          opts.onStdout?.(Buffer.from('halfstack-db | 2026-11-29T05:00:00.000000000Z old\nhalfstack-db | 2026-11-29T07:00:00.000000000Z new\n'));
          return result(0);
        },
      ],
      calls,
    );
    const { read, entries } = reading(engine, { service: compose, composeCli: 'docker-compose', query: { lines: 10, since: new Date('2026-11-29T06:00:00Z') } });
    await readNodeLogs(read);
    expect(calls[0]?.argv).not.toContain('--since');
    expect(entries.map((e) => e.text)).toEqual(['new']);
  });

  it('reports "closed" when the stream is cancelled while following', async () => {
    const abort = new AbortController();
    const engine = engineRunning(
      [
        (opts) =>
          new Promise<ExecResult>((_resolve, reject) => {
            opts.signal?.addEventListener('abort', () => reject(new Error('cancelled')));
          }),
      ],
      [],
    );
    const { read, states } = reading(engine, { signal: abort.signal, query: { lines: 10, follow: true } });
    const done = readNodeLogs(read);
    abort.abort();
    await done;
    expect(states).toEqual(['starting', 'running', 'closed']);
  });
});
