import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLabEngine, type LabEngine } from './labEngine';

let t: LabEngine;

beforeAll(() => {
  t = createLabEngine({ connectTimeoutMs: 10_000 });
  t.trustLabHostKeys();
});
afterAll(async () => {
  await t.engine.close();
});

/** Words an operator's arguments can hold: quotes, $, backticks, newlines, unicode, leading dashes; never NUL. */
const nasty = fc.constantFrom("'", '"', '$', '`', '\\', '\n', '\t', ' ', '-', '--', '*', '?', '~', '#', '!', '&', ';', '|', '<', '>', '(', ')', '{', '}', '=', '%', 'é', '漢', '🙂', '\u00a0');
const word = fc
  .array(fc.oneof(nasty, fc.string({ unit: 'grapheme', maxLength: 4 }), fc.string({ unit: 'binary', maxLength: 3 })), { maxLength: 12 })
  .map((parts) => parts.join('').replace(/\0/g, '').replace(/[\uD800-\uDFFF]/g, ''));

describe('quoteArgv through the real remote shell', () => {
  it('1,000 random words come back byte-identical', { timeout: 120_000 }, async () => {
    const words = fc.sample(word, { numRuns: 1000, seed: Date.now() % 100_000 });
    expect(words.some((w) => w.startsWith('-'))).toBe(true);
    expect(words.some((w) => w.includes("'"))).toBe(true);
    // 20 words per command: quick, and far below any ARG_MAX.
    const batches: string[][] = [];
    for (let i = 0; i < words.length; i += 20) batches.push(words.slice(i, i + 20));
    const results = await Promise.all(batches.map((b) => t.engine.exec('bai-m1', ['printf', '%s\\0', ...b])));
    results.forEach((r, i) => {
      expect(r.exitCode).toBe(0);
      const sent = batches[i] ?? [];
      const back = Buffer.from(r.stdout, 'utf8');
      expect(back.equals(Buffer.from(sent.map((w) => `${w}\0`).join(''), 'utf8'))).toBe(true);
    });
  });
});
