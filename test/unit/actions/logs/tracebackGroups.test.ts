import { describe, expect, it } from 'vitest';
import { blankEntry } from '../../../../main/core/actions/logs/logEntry';
import { parseLogLine, type ParsedLine } from '../../../../main/core/actions/logs/logLines';
import { parseLogText } from '../../../../main/core/actions/logs/logStream';
import { createTracebackGrouper, groupTracebacks } from '../../../../main/core/actions/logs/tracebackGroups';
import { fixture } from '../../catalog/fixtureFiles';

const cat = (text: string): ParsedLine[] => text.split('\n').flatMap((l) => parseLogLine(l, 'journal-cat'));

describe('Python traceback grouping', () => {
  it('attaches a real chained traceback from the journal to the ERROR line that logged it', () => {
    const { entries } = parseLogText(fixture('journal/journalctl-short-iso-failed-agent.txt'), 'journal-short-iso');
    const error = entries.find((e) => e.level === 'error');
    expect(error?.message).toBe('Unhandled error during server startup: etcd unreachable');
    expect(error?.continuation[0]).toBe('Traceback (most recent call last):');
    expect(error?.continuation).toContain('KeyError: \'etcd\'');
    expect(error?.continuation).toContain('The above exception was the direct cause of the following exception:');
    expect(error?.continuation.at(-1)).toBe('ConnectionError: etcd unreachable at 10.0.0.11:2379');
    expect(error?.continuation).toHaveLength(12);
    // Nothing of the traceback is left as its own entry.
    expect(entries).toHaveLength(5);
  });

  it('groups the same from -o cat, whose indentation and ^^^ markers are kept', () => {
    const { entries } = parseLogText(fixture('journal/journalctl-cat-failed-agent.txt'), 'journal-cat');
    const error = entries.find((e) => e.level === 'error');
    expect(error?.continuation.find((l) => l.includes('^^^'))).toMatch(/^\s+~~\^+$/);
    expect(entries.at(-1)).toBe(error);
  });

  it('keeps blank lines and "During handling" between chained tracebacks, and ends at the last exception', () => {
    const text = [
      '2024-04-23 12:06:31.913 ERROR ai.backend.manager.api [21024] unexpected error',
      'Traceback (most recent call last):',
      '  File "a.py", line 1, in f',
      'ValueError: x',
      '',
      'During handling of the above exception, another exception occurred:',
      '',
      'Traceback (most recent call last):',
      '  File "b.py", line 2, in g',
      'KeyError: y',
      '2024-04-23 12:06:32.001 INFO ai.backend.manager.api [21024] next request',
    ].join('\n');
    const entries = groupTracebacks(cat(text));
    expect(entries).toHaveLength(2);
    expect(entries[0]?.continuation).toHaveLength(9);
    expect(entries[0]?.continuation.at(-1)).toBe('KeyError: y');
    expect(entries[1]?.message).toBe('next request');
  });

  it('does not take a plain line after the exception into the traceback', () => {
    const entries = groupTracebacks(cat('ERROR boom\nTraceback (most recent call last):\n  File "x", line 1\nRuntimeError: no\nplain output line'));
    expect(entries.map((e) => e.text)).toEqual(['ERROR boom', 'plain output line']);
  });

  it('does not attach a traceback of another container to this one\'s entry', () => {
    const db = (text: string): ParsedLine => ({ kind: 'entry', entry: { ...blankEntry(text), source: 'db' } });
    const web = (text: string): ParsedLine => ({ kind: 'entry', entry: { ...blankEntry(text), source: 'web' } });
    const entries = groupTracebacks([db('db started'), web('Traceback (most recent call last):'), web('  File "w.py", line 3'), web('OSError: gone')]);
    expect(entries.map((e) => [e.source, e.text, e.continuation.length])).toEqual([
      ['db', 'db started', 0],
      ['web', 'Traceback (most recent call last):', 2],
    ]);
    expect(entries[1]?.level).toBe('error');
  });

  it('holds the last entry until the next one, or until flushed', () => {
    const grouper = createTracebackGrouper();
    expect(grouper.push(cat('first')[0] as ParsedLine)).toEqual([]);
    expect(grouper.push(cat('second')[0] as ParsedLine).map((e) => e.text)).toEqual(['first']);
    expect(grouper.flush().map((e) => e.text)).toEqual(['second']);
    expect(grouper.flush()).toEqual([]);
  });
});
