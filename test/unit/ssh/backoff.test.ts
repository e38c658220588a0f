import { describe, expect, it } from 'vitest';
import { backoffDelay, backoffSchedule } from '../../../main/core/ssh/backoff';

const options = { baseMs: 1000, capMs: 30_000, maxAttempts: 8 };

describe('backoff', () => {
  it('doubles from half the base up to the cap with no jitter draw', () => {
    expect(backoffSchedule(options, () => 0)).toEqual([500, 1000, 2000, 4000, 8000, 15_000, 15_000, 15_000]);
  });

  it('never exceeds the cap and never waits less than half the step', () => {
    expect(backoffSchedule(options, () => 0.999999)).toEqual([1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000]);
    for (let attempt = 0; attempt < 12; attempt++) {
      const d = backoffDelay(attempt, options, Math.random());
      expect(d).toBeGreaterThanOrEqual(Math.min(30_000, 1000 * 2 ** attempt) / 2);
      expect(d).toBeLessThanOrEqual(30_000);
    }
  });

  it('spreads two laptops that wake together', () => {
    expect(backoffDelay(3, options, 0.1)).not.toBe(backoffDelay(3, options, 0.9));
  });
});
