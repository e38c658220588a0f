import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLabEngine, type LabEngine } from './labEngine';

let t: LabEngine;

beforeAll(() => {
  t = createLabEngine({ connectTimeoutMs: 10_000, killGraceMs: 500 });
  t.trustLabHostKeys();
});
afterEach(() => t.resetListeners());
afterAll(async () => {
  await t.engine.close();
});

/** Is a process whose command line holds `marker` still alive on the node? */
async function remoteAlive(node: string, marker: string): Promise<boolean> {
  // The bracket keeps pgrep from matching its own command line.
  const r = await t.engine.exec(node, ['pgrep', '-f', `[${marker[0]}]${marker.slice(1)}`]);
  return r.exitCode === 0;
}

describe('exec', () => {
  it('returns exit code, stdout and stderr apart', async () => {
    const r = await t.engine.exec('bai-m1', ['sh', '-c', 'echo out; echo err >&2; exit 7']);
    expect(r).toMatchObject({ exitCode: 7, signal: null, stdout: 'out\n', stderr: 'err\n', truncated: false });
    expect(r.durationMs).toBeGreaterThan(0);
  });

  it('reports a signal as the end of a command', async () => {
    const r = await t.engine.exec('bai-m1', ['sh', '-c', 'kill -TERM $$']);
    expect(r).toMatchObject({ exitCode: null, signal: 'SIGTERM' });
  });

  it('feeds stdin and runs in a working directory given as a path', async () => {
    const r = await t.engine.exec('bai-m1', ['sh', '-c', 'pwd; cat'], { stdin: 'in put\n', cwd: '/tmp' });
    expect(r.stdout).toBe('/tmp\nin put\n');
    const odd = await t.engine.exec('bai-m1', ['pwd'], { cwd: "/tmp/no such dir; echo 'pwned'" });
    expect(odd.exitCode).not.toBe(0);
    expect(odd.stdout).not.toContain('pwned');
  });

  it('caps collected output and says it was truncated', async () => {
    const r = await t.engine.exec('bai-m1', ['head', '-c', '100000', '/dev/zero'], { maxOutputBytes: 1000 });
    expect(r).toMatchObject({ exitCode: 0, truncated: true });
    expect(r.stdout.length).toBe(1000);
  });

  it('streams stdout and stderr as they come', async () => {
    const chunks: string[] = [];
    const r = await t.engine.exec('bai-m1', ['sh', '-c', 'for i in 1 2 3; do echo $i; sleep 0.1; done; echo e >&2'], {
      onStdout: (c) => chunks.push(`o:${c.toString()}`),
      onStderr: (c) => chunks.push(`e:${c.toString()}`),
    });
    expect(chunks.join('')).toBe('o:1\no:2\no:3\ne:e\n');
    expect(r.stdout).toBe('');
  });

  it('times out, says so, and the remote process is gone', async () => {
    const marker = `sleep 311${Date.now() % 1000}`;
    await expect(t.engine.exec('bai-m1', ['sh', '-c', `${marker}; true`], { timeoutMs: 500 })).rejects.toMatchObject({
      code: 'timeout',
      message: expect.stringContaining('did not finish within 500 ms'),
    });
    await new Promise((r) => setTimeout(r, 1500));
    expect(await remoteAlive('bai-m1', marker)).toBe(false);
  });

  it('cancel kills the remote process (and its children)', async () => {
    const marker = `sleep 322${Date.now() % 1000}`;
    const ac = new AbortController();
    const outcome = t.engine.exec('bai-a02', ['sh', '-c', `${marker} & ${marker}; wait`], { signal: ac.signal }).then(
      () => 'finished',
      (e: unknown) => e,
    );
    for (let i = 0; i < 50 && !(await remoteAlive('bai-a02', marker)); i++) await new Promise((r) => setTimeout(r, 100));
    expect(await remoteAlive('bai-a02', marker)).toBe(true);
    ac.abort();
    expect(await outcome).toMatchObject({ code: 'cancelled' });
    await new Promise((r) => setTimeout(r, 1500));
    expect(await remoteAlive('bai-a02', marker)).toBe(false);
  });

  it('runs 50 commands at once over one connection, at most 10 channels at a time', async () => {
    await t.engine.pool.close();
    let peak = 0;
    let queuedPeak = 0;
    const sample = setInterval(() => {
      const c = t.engine.pool.connections().find((x) => x.nodeId === 'bai-a01');
      peak = Math.max(peak, c?.channels ?? 0);
      queuedPeak = Math.max(queuedPeak, c?.queued ?? 0);
    }, 5);
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => t.engine.exec('bai-a01', ['sh', '-c', `sleep 0.2; echo ${i} "$SSH_CONNECTION"`])),
    );
    clearInterval(sample);
    expect(results.map((r) => r.stdout.split(' ')[0])).toEqual(Array.from({ length: 50 }, (_, i) => String(i)));
    // sshd names the client's address and port: one value means one TCP connection.
    const connections = new Set(results.map((r) => r.stdout.trim().split(' ').slice(1, 3).join(' ')));
    expect(connections.size).toBe(1);
    expect(peak).toBe(10);
    expect(queuedPeak).toBeGreaterThanOrEqual(30);
  });

  it('refuses argv with a NUL byte before connecting', async () => {
    await expect(t.engine.exec('bai-m1', ['echo', 'a\0b'])).rejects.toMatchObject({ code: 'invalid_input' });
  });
});
