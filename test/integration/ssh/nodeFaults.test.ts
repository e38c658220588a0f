import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../../common/contract/errors';
import { cutOff, reconnect, startSshd, stopSshd } from '../../lab/faults';
import { createLabEngine, eventsOf, type LabEngine } from './labEngine';

let t: LabEngine;

beforeAll(() => {
  t = createLabEngine({
    connectTimeoutMs: 3000,
    // A short keepalive so a cut link is noticed in well under a second.
    keepaliveIntervalMs: 150,
    keepaliveCountMax: 2,
    // No background retry inside one repetition: the next exec reconnects at once.
    backoff: { baseMs: 60_000, capMs: 60_000, maxAttempts: 3 },
  });
  t.trustLabHostKeys();
});
afterEach(async () => {
  t.resetListeners();
  await reconnect('bai-a02');
});
afterAll(async () => {
  await t.engine.close();
});

const a02 = (l: LabEngine) => l.engine.pool.connections().filter((c) => c.nodeId === 'bai-a02');
const tcpHandles = () => process.getActiveResourcesInfo().filter((r) => r === 'TCPSocketWrap').length;

/** Starts a never-ending streaming command, waits for its first output, cuts the node off, returns the error. */
async function cutDuringStream(): Promise<{ err: unknown; chunks: number }> {
  let chunks = 0;
  let gotData!: () => void;
  const first = new Promise<void>((r) => (gotData = r));
  const running = t.engine
    .exec('bai-a02', ['sh', '-c', 'while :; do echo tick; sleep 0.05; done'], {
      timeoutMs: 30_000,
      onStdout: () => {
        chunks++;
        gotData();
      },
    })
    .then(
      () => new Error('the stream ended by itself'),
      (e: unknown) => e,
    );
  await first;
  await cutOff('bai-a02');
  const err = await running;
  await reconnect('bai-a02');
  return { err, chunks };
}

describe('node faults', () => {
  it('says clearly when sshd is down on the node', async () => {
    await stopSshd('bai-a01');
    try {
      await expect(t.engine.exec('bai-a01', ['true'])).rejects.toMatchObject({
        code: 'unreachable',
        message: 'bai-a01 (192.0.2.21:22) refused the connection: nothing listens on port 22. Check that sshd is running and the port is right.',
      });
    } finally {
      await startSshd('bai-a01');
    }
    expect((await t.engine.exec('bai-a01', ['hostname'])).stdout.trim()).toBe('bai-a01');
  });

  it('fails a streaming exec clearly when the node is cut off, and does not retry it', async () => {
    const { err, chunks } = await cutDuringStream();
    expect(chunks).toBeGreaterThan(0);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({
      code: 'unreachable',
      message: 'Lost the connection to bai-a02 (192.0.2.22:22) while running `sh -c while :; do echo tick; sleep 0.05; done`. Nothing was retried.',
    });
    const states = eventsOf(t.events, 'node.connection').filter((e) => e.nodeId === 'bai-a02').map((e) => e.state);
    expect(states.slice(-1)).toEqual(['reconnecting']);
  });

  it('leaks nothing over 100 cuts in the middle of a stream', { timeout: 240_000 }, async () => {
    await cutDuringStream(); // warm-up: first connection, lazy module state
    const handlesBefore = tcpHandles();
    const resourcesBefore = process.getActiveResourcesInfo().length;
    const started = Date.now();
    for (let i = 0; i < 100; i++) {
      const { err } = await cutDuringStream();
      expect(err).toMatchObject({ code: 'unreachable' });
      expect(a02(t).length).toBeLessThanOrEqual(1);
    }
    const elapsed = Date.now() - started;
    // Give closing sockets a moment, then compare.
    await new Promise((r) => setTimeout(r, 500));
    expect(tcpHandles()).toBeLessThanOrEqual(handlesBefore);
    expect(process.getActiveResourcesInfo().length).toBeLessThanOrEqual(resourcesBefore + 2);
    expect(a02(t)).toEqual([expect.objectContaining({ channels: 0, queued: 0 })]);
    console.log(`100 cuts mid-stream: ${(elapsed / 1000).toFixed(1)} s, ${(elapsed / 100).toFixed(0)} ms each; TCP handles ${handlesBefore} -> ${tcpHandles()}`);
  });

  it('reconnects in the background after a drop, and at once on resume()', async () => {
    const quick = createLabEngine({ connectTimeoutMs: 3000, keepaliveIntervalMs: 150, keepaliveCountMax: 2, backoff: { baseMs: 300, capMs: 1000, maxAttempts: 20 } });
    quick.trustLabHostKeys();
    try {
      await quick.engine.exec('bai-a02', ['true']);
      const lease = await quick.engine.pool.acquire(await quick.engine.lookupNode('bai-a02'), { interactive: false });
      const lost = new Promise<void>((r) => lease.chain.onLost(() => r()));
      await cutOff('bai-a02');
      await lost;
      lease.release();
      // Cut off long enough for a background attempt to fail (connect timeout 3 s) and be rescheduled.
      const retrying = () => eventsOf(quick.events, 'node.connection').filter((e) => e.state === 'reconnecting').length;
      for (let i = 0; i < 100 && retrying() < 2; i++) await new Promise((r) => setTimeout(r, 100));
      await reconnect('bai-a02');
      for (let i = 0; i < 60 && a02(quick)[0]?.state !== 'ready'; i++) await new Promise((r) => setTimeout(r, 100));
      const states = eventsOf(quick.events, 'node.connection').map((e) => e.state);
      expect(states.filter((s) => s === 'reconnecting').length).toBeGreaterThanOrEqual(2);
      expect(states.at(-1)).toBe('ready');
      const retries = eventsOf(quick.events, 'node.connection').filter((e) => e.state === 'reconnecting');
      expect(retries.map((e) => e.attempt)).toEqual(retries.map((_, i) => i + 1));
      // Equal jitter: attempt n waits between half and all of min(cap, base * 2^(n-1)).
      retries.forEach((e, i) => {
        const step = Math.min(1000, 300 * 2 ** i);
        expect(e.retryInMs).toBeGreaterThanOrEqual(step / 2);
        expect(e.retryInMs).toBeLessThanOrEqual(step);
      });
    } finally {
      await quick.engine.close();
    }

    // Slow backoff: only resume() brings it back quickly.
    const lease = await t.engine.pool.acquire(await t.engine.lookupNode('bai-a02'), { interactive: false });
    const lost = new Promise<void>((r) => lease.chain.onLost(() => r()));
    await cutOff('bai-a02');
    await lost;
    lease.release();
    await reconnect('bai-a02');
    expect(a02(t)[0]?.state).toBe('reconnecting');
    await t.engine.resume();
    for (let i = 0; i < 50 && a02(t)[0]?.state !== 'ready'; i++) await new Promise((r) => setTimeout(r, 100));
    expect(a02(t)[0]?.state).toBe('ready');
  });
});
