import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogBatcher } from '../../../main/core/actions/logs/logBatcher';
import { batchWeight, createLogFlow } from '../../../main/core/actions/logs/logFlow';
import { createLogStream } from '../../../main/core/actions/logs/logStream';
import { toLogLine } from '../../../main/core/actions/logs/logWire';
import { connectedCore } from '../support/connectedCore';
import { line } from './lines';

const HIGH = 256 * 1024;
const LOW = 64 * 1024;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A node that writes its journal as fast as it may: a real Readable (what an
 * ssh2 channel is), which stops producing once its buffer is full while paused,
 * piped through the same parse -> batch -> send path as a log stream, with a
 * viewer that acknowledges only when told to.
 */
function floodingNode(limitLines: number) {
  let produced = 0;
  const source = new Readable({
    highWaterMark: 64 * 1024,
    read() {
      while (produced < limitLines) {
        produced += 1;
        const more = this.push(`2026-11-29T10:00:00+0000 bai-a02 backendai-agent[42]: 2026-11-29 10:00:00.000 INFO ai.backend.agent.server [42] heartbeat ${produced} ${'x'.repeat(80)}\n`);
        if (!more) return;
      }
      this.push(null);
    },
  });
  const flow = createLogFlow({ highWaterBytes: HIGH, lowWaterBytes: LOW });
  const parser = createLogStream('journal-short-iso');
  let sent = 0;
  let maxBatch = 0;
  let seq = 0;
  const batcher = createLogBatcher({
    sortByTime: false,
    flushAfterMs: 5,
    maxBatch: 500,
    onFlush: (lines) => {
      const bytes = batchWeight(lines);
      maxBatch = Math.max(maxBatch, bytes);
      sent += bytes;
      flow.sent(bytes);
    },
  });
  flow.attach({ pause: () => source.pause(), resume: () => source.resume() });
  source.on('data', (chunk: Buffer) => batcher.push(parser.push(chunk).map((e) => toLogLine(e, 'a02', (seq += 1)))));
  return {
    flow,
    source,
    produced: () => produced,
    sent: () => sent,
    maxBatch: () => maxBatch,
    /** What core holds on the node's behalf: sent but unacknowledged, plus the channel's own buffer. */
    held: () => flow.unackedBytes + source.readableLength,
  };
}

describe('log stream flow control', () => {
  it('stops growing what core holds while the viewer does not acknowledge, and flows again on ack', async () => {
    const node = floodingNode(200_000);
    await sleep(150);
    const stalled = { produced: node.produced(), sent: node.sent(), held: node.held() };
    expect(node.flow.isPaused).toBe(true);
    await sleep(250);
    // Paused: the node stops writing (its pipe is full), nothing more goes out, memory is flat.
    expect(node.produced()).toBe(stalled.produced);
    expect(node.sent()).toBe(stalled.sent);
    expect(node.held()).toBe(stalled.held);
    expect(node.flow.unackedBytes).toBeLessThan(HIGH + node.maxBatch());
    expect(node.produced()).toBeLessThan(20_000);

    node.flow.acknowledged(node.flow.unackedBytes);
    expect(node.flow.isPaused).toBe(false);
    await sleep(150);
    expect(node.sent()).toBeGreaterThan(stalled.sent);
    expect(node.produced()).toBeGreaterThan(stalled.produced);
    node.flow.release();
    node.source.destroy();
  });

  it('keeps flowing while the viewer acknowledges as it stores', async () => {
    const node = floodingNode(30_000);
    const acked = setInterval(() => node.flow.acknowledged(node.flow.unackedBytes), 2);
    try {
      await new Promise<void>((resolve) => node.source.on('end', () => resolve()));
      expect(node.produced()).toBe(30_000);
    } finally {
      clearInterval(acked);
    }
  });

  it('pauses a channel that attaches while the stream is paused (the sudo retry), and resumes all on release', () => {
    const flow = createLogFlow({ highWaterBytes: 1000, lowWaterBytes: 100 });
    const calls: string[] = [];
    flow.attach({ pause: () => calls.push('a pause'), resume: () => calls.push('a resume') });
    flow.sent(batchWeight([line({ text: 'y'.repeat(2000) })]));
    expect(flow.isPaused).toBe(true);
    flow.attach({ pause: () => calls.push('b pause'), resume: () => calls.push('b resume') });
    flow.release();
    expect(calls).toEqual(['a pause', 'b pause', 'a resume', 'b resume']);
    flow.sent(10_000);
    expect(flow.isPaused).toBe(false);
  });

  it('answers an ack for a stream that is not open (closed meanwhile) without an error', async () => {
    const c = connectedCore();
    try {
      expect(await c.client.ackLogs({ streamId: 'view-gone', bytes: 1024 })).toEqual({ open: false, paused: false });
    } finally {
      await c.core.close();
    }
  });
});
