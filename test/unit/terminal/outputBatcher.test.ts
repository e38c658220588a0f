import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createOutputBatcher,
  FLUSH_AFTER_MS,
  MAX_BATCH_BYTES,
  type OutputBatch,
  type OutputBatcherOptions,
} from '../../../main/core/terminal/outputBatcher';

const utf8 = (text: string) => new TextEncoder().encode(text);
const EMOJI = '🦊'; // F0 9F A6 8A: four bytes, two UTF-16 units

function collecting(options: Partial<OutputBatcherOptions> = {}) {
  const batches: OutputBatch[] = [];
  const batcher = createOutputBatcher({ ...options, onFlush: (b) => batches.push(b) });
  const text = () => batches.map((b) => b.data).join('');
  const bytes = () => batches.reduce((sum, b) => sum + b.bytes, 0);
  return { batcher, batches, text, bytes };
}

describe('outputBatcher timing', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('merges the chunks of a burst into one message after 5 ms', () => {
    const { batcher, batches } = collecting();
    batcher.push(utf8('ls\r\n'));
    batcher.push(utf8('a.txt  b.txt\r\n'));
    vi.advanceTimersByTime(FLUSH_AFTER_MS - 1);
    expect(batches).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(batches).toEqual([{ data: 'ls\r\na.txt  b.txt\r\n', bytes: 18 }]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('does not let a steady trickle postpone the flush (the timer is not a debounce)', () => {
    const { batcher, batches } = collecting();
    for (let i = 0; i < 4; i++) {
      batcher.push(utf8('x'));
      vi.advanceTimersByTime(2);
    }
    // First chunk at t=0: flushed at t=5 with the three chunks that came by then.
    expect(batches[0]).toEqual({ data: 'xxx', bytes: 3 });
    vi.advanceTimersByTime(FLUSH_AFTER_MS);
    expect(batches.map((b) => b.data)).toEqual(['xxx', 'x']);
  });

  it('sends a full batch at once, without waiting for the timer, and never exceeds the limit', () => {
    const { batcher, batches } = collecting({ maxBatchBytes: 1000 });
    batcher.push(new Uint8Array(2500).fill(0x61));
    expect(batches.map((b) => b.bytes)).toEqual([1000, 1000]);
    vi.advanceTimersByTime(FLUSH_AFTER_MS);
    expect(batches.map((b) => b.bytes)).toEqual([1000, 1000, 500]);
  });

  it('defaults to a 64 KiB limit', () => {
    const { batcher, batches } = collecting();
    batcher.push(new Uint8Array(MAX_BATCH_BYTES + 1).fill(0x62));
    expect(batches).toHaveLength(1);
    expect(batches[0]!.bytes).toBe(64 * 1024);
    expect(batcher.pendingBytes).toBe(1);
  });

  it('keeps byte order across any chunking and any flush points', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.string({ unit: 'binary', maxLength: 40 }), fc.integer({ min: 0, max: 7 })), { maxLength: 40 }),
        fc.integer({ min: 4, max: 64 }),
        (pieces, limit) => {
          const { batcher, batches, text, bytes } = collecting({ maxBatchBytes: limit });
          let sent = '';
          let sentBytes = 0;
          for (const [piece, wait] of pieces) {
            batcher.push(utf8(piece));
            sent += piece;
            sentBytes += utf8(piece).byteLength;
            vi.advanceTimersByTime(wait);
          }
          batcher.close();
          expect(text()).toBe(sent);
          expect(bytes()).toBe(sentBytes);
          for (const b of batches) expect(b.bytes).toBeLessThanOrEqual(limit);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('flushes what is pending on close and ignores anything pushed after', () => {
    const { batcher, batches } = collecting();
    batcher.push(utf8('bye\r\n'));
    batcher.close();
    expect(batches).toEqual([{ data: 'bye\r\n', bytes: 5 }]);
    expect(vi.getTimerCount()).toBe(0);
    batcher.push(utf8('late'));
    vi.advanceTimersByTime(FLUSH_AFTER_MS * 2);
    expect(batches).toHaveLength(1);
  });

  it('refuses a limit that could not hold one UTF-8 character', () => {
    expect(() => createOutputBatcher({ onFlush: () => {}, maxBatchBytes: 3 })).toThrow(/at least 4/);
  });
});

describe('outputBatcher UTF-8 split across chunks', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const encoded = utf8(`a${EMOJI}b`); // 1 + 4 + 1 bytes

  for (let cut = 2; cut <= 4; cut++) {
    it(`keeps a 4-byte emoji whole when a read ends after its byte ${cut - 1}`, () => {
      const { batcher, batches, text } = collecting();
      batcher.push(encoded.subarray(0, cut));
      batcher.push(encoded.subarray(cut));
      vi.advanceTimersByTime(FLUSH_AFTER_MS);
      expect(text()).toBe(`a${EMOJI}b`);
      expect(batches.every((b) => !b.data.includes('\uFFFD'))).toBe(true);
    });

    it(`keeps it whole when the 5 ms flush falls after its byte ${cut - 1}`, () => {
      const { batcher, batches, bytes } = collecting();
      batcher.push(encoded.subarray(0, cut));
      vi.advanceTimersByTime(FLUSH_AFTER_MS);
      batcher.push(encoded.subarray(cut));
      vi.advanceTimersByTime(FLUSH_AFTER_MS);
      expect(batches.map((b) => b.data)).toEqual(['a', `${EMOJI}b`]);
      // The partial bytes are still accounted for, so acks add up to what the pty sent.
      expect(bytes()).toBe(encoded.byteLength);
    });

    it(`keeps it whole when the size limit falls after its byte ${cut - 1}`, () => {
      // 'abcd' fills 4 bytes, so the limit lands after byte `cut - 1` of the emoji.
      const { batcher, batches } = collecting({ maxBatchBytes: 4 + cut - 1 });
      batcher.push(utf8(`abcd${EMOJI}b`));
      batcher.close();
      expect(batches.map((b) => b.data)).toEqual(['abcd', `${EMOJI}b`]);
      expect(batches[0]!.bytes).toBe(4 + cut - 1);
    });
  }

  it('keeps it whole when it arrives one byte per read', () => {
    const { batcher, text } = collecting();
    for (const byte of encoded) batcher.push(Uint8Array.of(byte));
    vi.advanceTimersByTime(FLUSH_AFTER_MS);
    expect(text()).toBe(`a${EMOJI}b`);
  });

  it('does not send an empty message when a batch holds only the start of a character', () => {
    const { batcher, batches } = collecting();
    batcher.push(utf8(EMOJI).subarray(0, 2));
    vi.advanceTimersByTime(FLUSH_AFTER_MS);
    expect(batches).toEqual([]);
    batcher.push(utf8(EMOJI).subarray(2));
    vi.advanceTimersByTime(FLUSH_AFTER_MS);
    expect(batches).toEqual([{ data: EMOJI, bytes: 4 }]);
  });

  it('splits mixed 2-, 3- and 4-byte text at every byte offset without a replacement character', () => {
    const original = `é€${EMOJI}ş한${EMOJI}x`;
    const bytes = utf8(original);
    for (let cut = 0; cut <= bytes.byteLength; cut++) {
      const { batcher, text } = collecting();
      batcher.push(bytes.subarray(0, cut));
      vi.advanceTimersByTime(FLUSH_AFTER_MS);
      batcher.push(bytes.subarray(cut));
      batcher.close();
      expect(text()).toBe(original);
    }
  });

  it('turns a character cut off by the end of output into U+FFFD on close, as xterm would', () => {
    const { batcher, text } = collecting();
    batcher.push(utf8(`ok${EMOJI}`).subarray(0, 4));
    batcher.close();
    expect(text()).toBe('ok\uFFFD');
  });
});
