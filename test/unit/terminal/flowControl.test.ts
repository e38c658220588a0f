import { describe, expect, it } from 'vitest';
import { createFlowControl, HIGH_WATER_BYTES, LOW_WATER_BYTES } from '../../../main/core/terminal/flowControl';
import { fakeTerminalSource } from './fakeTerminalSource';

const KiB = 1024;
const MB = 1_000_000;

describe('flowControl', () => {
  it('pauses the source when unacknowledged output reaches the high watermark, not before', () => {
    const source = fakeTerminalSource();
    const flow = createFlowControl(source, { highWaterBytes: 100, lowWaterBytes: 20 });
    flow.received(99);
    expect(source.paused).toBe(false);
    flow.received(1);
    expect(source.paused).toBe(true);
    expect(flow.isPaused).toBe(true);
    flow.received(50); // what the source had in flight when it was paused
    expect(source.pauses).toBe(1);
  });

  it('resumes only once acks bring it down to the low watermark (no flapping in between)', () => {
    const source = fakeTerminalSource();
    const flow = createFlowControl(source, { highWaterBytes: 100, lowWaterBytes: 20 });
    flow.received(120);
    flow.acknowledged(60); // 60 left: below high, above low
    expect(source.paused).toBe(true);
    flow.acknowledged(40); // exactly low
    expect(source.paused).toBe(false);
    expect(source.resumes).toBe(1);
    expect(flow.unackedBytes).toBe(20);
  });

  it('ignores acks beyond what was sent, as when two windows ack the same batch', () => {
    const source = fakeTerminalSource();
    const flow = createFlowControl(source, { highWaterBytes: 100, lowWaterBytes: 20 });
    flow.received(30);
    flow.acknowledged(30);
    flow.acknowledged(30);
    expect(flow.unackedBytes).toBe(0);
    flow.received(99);
    expect(source.paused).toBe(false);
    flow.received(1);
    expect(source.paused).toBe(true);
  });

  it('on release resumes a paused source so it can drain and exit, and then ignores everything', () => {
    const source = fakeTerminalSource();
    const flow = createFlowControl(source, { highWaterBytes: 100, lowWaterBytes: 20 });
    flow.received(500);
    expect(source.paused).toBe(true);
    flow.release();
    expect(source.paused).toBe(false);
    expect(flow.unackedBytes).toBe(0);
    flow.received(10_000);
    flow.acknowledged(5);
    flow.release();
    expect(source.pauses).toBe(1);
    expect(source.resumes).toBe(1);
    expect(flow.unackedBytes).toBe(0);
  });

  it('refuses watermarks the wrong way round', () => {
    expect(() => createFlowControl(fakeTerminalSource(), { highWaterBytes: 10, lowWaterBytes: 10 })).toThrow(/lowWaterBytes < highWaterBytes/);
  });

  it('uses 512 KiB / 128 KiB by default', () => {
    const source = fakeTerminalSource();
    const flow = createFlowControl(source);
    flow.received(HIGH_WATER_BYTES - 1);
    expect(source.paused).toBe(false);
    flow.received(1);
    expect(source.paused).toBe(true);
    flow.acknowledged(HIGH_WATER_BYTES - LOW_WATER_BYTES);
    expect(source.paused).toBe(false);
    expect([HIGH_WATER_BYTES, LOW_WATER_BYTES]).toEqual([512 * KiB, 128 * KiB]);
  });

  it('keeps a 200 MB flood within HIGH + one chunk of unacknowledged bytes, and acks carry it to the end', () => {
    // A producer that honours pause() only between chunks (like a pty read already under way),
    // and a renderer that writes one in-flight chunk per step and acks it.
    const source = fakeTerminalSource();
    const flow = createFlowControl(source);
    const total = 200 * MB;
    const chunkSizes = [4 * KiB, 16 * KiB, 64 * KiB, 1, 31 * KiB];
    const inFlight: number[] = [];
    let produced = 0;
    let acked = 0;
    let maxUnacked = 0;
    let step = 0;
    while (acked < total) {
      step++;
      // The producer is four times faster than the renderer while it may run.
      for (let burst = 0; burst < 4 && !source.paused && produced < total; burst++) {
        const size = Math.min(chunkSizes[(step + burst) % chunkSizes.length]!, total - produced);
        produced += size;
        flow.received(size);
        inFlight.push(size);
        maxUnacked = Math.max(maxUnacked, flow.unackedBytes);
      }
      const done = inFlight.shift();
      if (done !== undefined) {
        flow.acknowledged(done);
        acked += done;
      }
      expect(step).toBeLessThan(50_000_000); // a stall would loop forever
    }
    expect(produced).toBe(total);
    expect(maxUnacked).toBeLessThanOrEqual(HIGH_WATER_BYTES + Math.max(...chunkSizes));
    expect(maxUnacked).toBeGreaterThanOrEqual(HIGH_WATER_BYTES); // it did reach the watermark
    expect(source.pauses).toBeGreaterThan(100);
    expect(source.resumes).toBe(source.pauses);
    expect(flow.unackedBytes).toBe(0);
  });
});
