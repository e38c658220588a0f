import { describe, expect, it } from 'vitest';
import { createLogStream } from '../../../../main/core/actions/logs/logStream';
import { fixture } from '../../catalog/fixtureFiles';

describe('log stream', () => {
  it('gives the same entries whatever the chunking of the bytes', () => {
    const text = fixture('journal/journalctl-short-iso-failed-agent.txt');
    const bytes = new TextEncoder().encode(text);
    const whole = createLogStream('journal-short-iso');
    const expected = [...whole.push(bytes), ...whole.end()];
    const chunked = createLogStream('journal-short-iso');
    const got = [];
    for (let i = 0; i < bytes.length; i += 7) got.push(...chunked.push(bytes.subarray(i, i + 7)));
    got.push(...chunked.end());
    expect(got).toEqual(expected);
    expect(got.length).toBeGreaterThan(0);
  });

  it('shows an idle stream\'s last entry on flush, and groups a traceback that arrives later only if not flushed', () => {
    const stream = createLogStream('journal-cat');
    expect(stream.push('2024-04-23 12:06:31.913 ERROR ai.backend.manager.api [1] boom\n')).toEqual([]);
    expect(stream.flush().map((e) => e.message)).toEqual(['boom']);
    const later = [...stream.push('Traceback (most recent call last):\n  File "x", line 1\nValueError: v\n'), ...stream.end()];
    expect(later).toHaveLength(1);
    expect(later[0]).toMatchObject({ text: 'Traceback (most recent call last):', level: 'error' });
    expect(later[0]?.continuation).toEqual(['  File "x", line 1', 'ValueError: v']);
  });

  it('collects notices apart from the entries', () => {
    const stream = createLogStream('compose');
    stream.push(fixture('compose/docker-compose-1.29-logs-postgres.txt'));
    stream.end();
    expect(stream.notices()).toEqual(['Attaching to halfstack-db']);
  });
});
