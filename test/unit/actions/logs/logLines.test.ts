import { describe, expect, it } from 'vitest';
import { parseLogText } from '../../../../main/core/actions/logs/logStream';
import { parseIsoTime } from '../../../../main/core/actions/logs/logLines';
import { fixture } from '../../catalog/fixtureFiles';

describe('journalctl lines', () => {
  it('reads short-iso: time, host, identifier, pid, and the Backend.AI fields inside', () => {
    const { entries } = parseLogText(fixture('journal/journalctl-short-iso-manager.txt'), 'journal-short-iso');
    expect(entries).toHaveLength(5);
    const [first] = entries;
    expect(first).toMatchObject({ host: 'vm', source: 'python3', level: 'info', logger: 'ai.backend.manager', message: 'Backend.AI 24.03.3' });
    expect(first?.timeText).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0000$/);
    // The Backend.AI time has milliseconds; it agrees with the journal's second, so it is used.
    const bai = /\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3}/.exec(first?.text ?? '')?.[0] ?? '';
    expect(first?.time).toBe(Date.parse(`${bai.replace(' ', 'T')}Z`));
    expect(entries.map((e) => e.level)).toEqual(['info', 'info', 'warning', 'info', 'info']);
  });

  it('reads short-iso-precise microsecond times', () => {
    const { entries } = parseLogText(fixture('journal/journalctl-short-iso-precise-failed-agent.txt'), 'journal-short-iso');
    expect(entries[0]?.timeText).toMatch(/\.\d{6}\+0000$/);
    expect(entries[0]?.level).toBe('info');
  });

  it('reads the guide\'s -o cat lines, parsing the level through ANSI colour codes', () => {
    const { entries } = parseLogText(fixture('journal/journalctl-cat-failed-agent.txt'), 'journal-cat');
    const coloured = entries.find((e) => e.text.includes('\x1b['));
    expect(coloured).toMatchObject({ level: 'info', logger: 'ai.backend.common.api', message: 'GET /status -> 200' });
    // cat has no zone: Backend.AI's zone-less time stays text only.
    expect(entries[0]?.time).toBeNull();
    expect(parseLogText(fixture('journal/journalctl-cat-failed-agent.txt'), 'journal-cat', { naiveZoneMinutes: 0 }).entries[0]?.time).not.toBeNull();
  });

  it('reads -o json, including a MESSAGE stored as bytes', () => {
    const { entries } = parseLogText(fixture('journal/journalctl-json-failed-agent.txt'), 'journal-json');
    const coloured = entries.find((e) => e.text.includes('\x1b[32m'));
    expect(coloured?.logger).toBe('ai.backend.common.api');
    expect(entries[0]).toMatchObject({ host: 'vm', source: 'python3', level: 'info' });
    expect(entries[0]?.time).toBeGreaterThan(Date.parse('2026-01-01'));
  });

  it('keeps "-- No entries --" out of the log as a notice', () => {
    const parsed = parseLogText(fixture('journal/journalctl-short-iso-no-entries.txt'), 'journal-short-iso');
    expect(parsed).toEqual({ entries: [], notices: ['-- No entries --'] });
  });
});

describe('compose log lines', () => {
  it('reads compose 1.29 output: container prefix, docker timestamp, PostgreSQL level', () => {
    const { entries, notices } = parseLogText(fixture('compose/docker-compose-1.29-logs-postgres.txt'), 'compose');
    expect(notices).toEqual(['Attaching to halfstack-db']);
    expect(entries.map((e) => [e.source, e.level])).toEqual([
      ['halfstack-db', 'info'],
      ['halfstack-db', 'info'],
      ['halfstack-db', 'info'],
      ['halfstack-db', 'critical'],
    ]);
    // PostgreSQL's DETAIL belongs to the FATAL above it.
    expect(entries[3]?.continuation).toEqual(['2024-04-23 12:13:02.501 UTC [311] DETAIL:  Connection matched pg_hba.conf line 100: "host all all all scram-sha-256"']);
    expect(entries[3]?.message).toBe('password authentication failed for user "postgres"');
  });

  it('reads compose v2 output from several containers, with Redis levels', () => {
    const { entries } = parseLogText(fixture('compose/docker-compose-v2.21-logs-timestamps.txt'), 'compose');
    expect(entries.map((e) => e.source)).toEqual(['halfstack-db', 'halfstack-redis', 'halfstack-db', 'halfstack-db', 'halfstack-redis']);
    expect(entries[1]).toMatchObject({ logger: 'redis', level: 'info', message: 'Ready to accept connections tcp', time: Date.parse('2026-11-29T03:39:19.512Z') });
    expect(entries[4]?.level).toBe('warning');
  });
});

describe('ISO times', () => {
  it.each([
    ['2026-11-29T03:44:56+0000', Date.parse('2026-11-29T03:44:56Z')],
    ['2026-11-29T12:44:56+0900', Date.parse('2026-11-29T03:44:56Z')],
    ['2026-11-29T03:44:56.064400+0000', Date.parse('2026-11-29T03:44:56.064Z')],
    ['2026-11-29T03:39:19.088662456Z', Date.parse('2026-11-29T03:39:19.088Z')],
    ['2026-11-29T03:44:56-05:30', Date.parse('2026-11-29T09:14:56Z')],
  ])('reads %s', (text, ms) => {
    expect(parseIsoTime(text)?.ms).toBe(ms);
  });
});
