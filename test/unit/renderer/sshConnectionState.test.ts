import { describe, expect, it } from 'vitest';
import { connectionWords, secondsUntilRetry, testFailureHeadline } from '../../../renderer/features/ssh/connectionStateText';

describe('a node connection state in words', () => {
  it('says idle before the engine reported anything', () => {
    expect(connectionWords(undefined, 0)).toEqual({ tone: 'idle', label: 'Idle: no open connection', detail: null });
  });

  it('counts down to the next reconnect attempt from when the event arrived', () => {
    const c = { state: 'reconnecting' as const, attempt: 3, retryInMs: 4_200, reason: 'bai-a01 stopped answering.', since: 10_000 };
    expect(connectionWords(c, 10_000)).toEqual({ tone: 'warn', label: 'Reconnecting (attempt 3), next try in 5 s', detail: 'bai-a01 stopped answering.' });
    expect(connectionWords(c, 13_500).label).toBe('Reconnecting (attempt 3), next try in 1 s');
    expect(connectionWords(c, 20_000).label).toBe('Reconnecting (attempt 3), retrying now');
    expect(secondsUntilRetry({ ...c, retryInMs: undefined }, 0)).toBeNull();
  });

  it('shows a failure with the engine reason, never an empty one', () => {
    expect(connectionWords({ state: 'failed', reason: 'Login refused.', since: 0 }, 0)).toMatchObject({ tone: 'failed', detail: 'Login refused.' });
    expect(connectionWords({ state: 'failed', since: 0 }, 0).detail).toMatch(/log/);
  });

  it('heads a failed test with what kind of failure it was', () => {
    expect(testFailureHeadline('host_key_changed')).toMatch(/Host key changed/);
    expect(testFailureHeadline('auth_failed')).toBe('Login refused');
    expect(testFailureHeadline('internal')).toBe('Test failed');
  });
});
