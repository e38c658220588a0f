import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../../common/contract/errors';
import { parseAnsi, stripAnsi } from '../../../../main/core/actions/logs/ansiSpans';
import { blankEntry, type LogEntry, type LogLevel } from '../../../../main/core/actions/logs/logEntry';
import { compileSearch, filterByLevel, findMatches, highlightSpans } from '../../../../main/core/actions/logs/logFilter';

const at = (level: LogLevel | null, text = String(level)): LogEntry => ({ ...blankEntry(text), level });

describe('level filter', () => {
  const entries = [at('debug'), at('info'), at('warning'), at('error'), at('critical'), at(null, 'plain')];
  it.each([
    [null, ['debug', 'info', 'warning', 'error', 'critical', 'plain']],
    ['info', ['info', 'warning', 'error', 'critical', 'plain']],
    ['warning', ['warning', 'error', 'critical']],
    ['critical', ['critical']],
  ] as const)('from %s keeps %j', (minimum, kept) => {
    expect(filterByLevel(entries, minimum).map((e) => e.text)).toEqual(kept);
  });
});

describe('search with highlight', () => {
  it('finds every match, ignoring case by default', () => {
    expect(findMatches('Redis redis REDIS', compileSearch('redis'))).toEqual([
      { start: 0, end: 5 },
      { start: 6, end: 11 },
      { start: 12, end: 17 },
    ]);
    expect(findMatches('Redis redis', compileSearch('redis', { caseSensitive: true }))).toEqual([{ start: 6, end: 11 }]);
  });

  it('searches literally unless regex is asked for', () => {
    expect(findMatches('a.b axb', compileSearch('a.b'))).toEqual([{ start: 0, end: 3 }]);
    expect(findMatches('a.b axb', compileSearch('a.b', { regex: true }))).toHaveLength(2);
  });

  it('skips empty matches and an empty query', () => {
    expect(findMatches('abc', compileSearch('x*', { regex: true }))).toEqual([]);
    expect(compileSearch('')).toBeNull();
  });

  it('says plainly when a regular expression is broken', () => {
    expect(() => compileSearch('(unclosed', { regex: true })).toThrow(ApiError);
    expect(() => compileSearch('(unclosed', { regex: true })).toThrow(/not a valid regular expression/);
  });

  it('splits coloured spans at the matches, keeping their colours', () => {
    const line = '\x1b[31mERROR\x1b[0m redis down';
    const spans = highlightSpans(parseAnsi(line), findMatches(stripAnsi(line), compileSearch('or red')));
    expect(spans).toEqual([
      { text: 'ERR', style: { fg: 1 }, match: false },
      { text: 'OR', style: { fg: 1 }, match: true },
      { text: ' red', style: {}, match: true },
      { text: 'is down', style: {}, match: false },
    ]);
  });
});
