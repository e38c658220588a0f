/**
 * The parser's fast paths give what the slow paths gave: ANSI stripped only
 * when a line has an ESC byte, program formats tried only on lines starting
 * with a digit, the journal stamp and the program's minute reused from the
 * line before, tracebacks found by their ending before the regex.
 */
import { describe, expect, it } from 'vitest';
import { parseIsoTime } from '../../../main/core/actions/logs/logLines';
import { parseLogText } from '../../../main/core/actions/logs/logStream';
import { toLogLine } from '../../../main/core/actions/logs/logWire';
import { parseProgramLine } from '../../../main/core/actions/logs/programLogLine';

const journal = (stamp: string, message: string) => `${stamp} bai-m1 python3[4242]: ${message}`;

describe('parser fast paths', () => {
  it('parses a Backend.AI line the same with and without ANSI colour codes', () => {
    const plain = '2026-11-29 10:35:00.123 ERROR ai.backend.manager.api [4242] unexpected error while handling the request';
    const coloured = '\x1b[1;31m2026-11-29 10:35:00.123 ERROR\x1b[0m ai.backend.manager.api [4242] unexpected error while handling the request\x1b[0m';
    const a = parseLogText(journal('2026-11-29T10:35:00+0000', plain), 'journal-short-iso').entries[0];
    const b = parseLogText(journal('2026-11-29T10:35:00+0000', coloured), 'journal-short-iso').entries[0];
    if (!a || !b) throw new Error('both lines should parse to an entry');
    expect(b).toMatchObject({ time: a.time, timeText: a.timeText, level: 'error', logger: 'ai.backend.manager.api', pid: 4242, message: a.message });
    expect(a.time).toBe(Date.parse('2026-11-29T10:35:00.123Z'));
    const wireA = toLogLine(a, 'n1', 1);
    const wireB = toLogLine(b, 'n1', 2);
    // The same plain text either way; only the coloured line carries spans, and they join to that text.
    expect(wireB.text).toBe(wireA.text);
    expect(wireA.spans).toBeNull();
    expect(wireB.spans?.map((s) => s.text).join('')).toBe(wireA.text);
    expect(wireB.spans?.[0]?.style).toEqual({ bold: true, fg: 1 });
  });

  it('keeps a plain line without an ESC byte as it is, message and text alike', () => {
    const [entry] = parseLogText('just some output [with brackets]: and colons', 'journal-cat').entries;
    if (!entry) throw new Error('the line should parse to an entry');
    expect(entry).toMatchObject({ text: 'just some output [with brackets]: and colons', message: 'just some output [with brackets]: and colons', level: null, time: null });
    expect(toLogLine(entry, 'n1', 1).spans).toBeNull();
  });

  it('gives each line its own time when stamps repeat, change and come back', () => {
    const stamps = ['2026-11-29T23:59:59+0000', '2026-11-29T23:59:59+0000', '2026-11-30T00:00:00+0900', '2026-11-29T23:59:59+0000', '2026-11-30T00:00:00.250-0130'];
    const text = stamps.map((s, i) => journal(s, `plain line ${i}`)).join('\n');
    const { entries } = parseLogText(text, 'journal-short-iso');
    expect(entries.map((e) => e.time)).toEqual([
      Date.parse('2026-11-29T23:59:59Z'),
      Date.parse('2026-11-29T23:59:59Z'),
      Date.parse('2026-11-30T00:00:00+09:00'),
      Date.parse('2026-11-29T23:59:59Z'),
      Date.parse('2026-11-30T00:00:00.250-01:30'),
    ]);
    expect(parseIsoTime('2026-11-30T00:00:00+0900')).toEqual({ ms: Date.parse('2026-11-30T00:00:00+09:00'), zoneMinutes: 540 });
    expect(parseIsoTime('not a time')).toBeNull();
    expect(parseIsoTime('not a time')).toBeNull();
  });

  it('reads program times across minute, hour, day and year ends exactly (the minute is reused)', () => {
    const times = ['2026-12-31 23:59:59.999', '2026-12-31 23:59:00.000', '2027-01-01 00:00:00.000', '2027-01-01 00:00:00.001', '2027-01-01 00:01:30.5', '2026-12-31 23:59:59,250'];
    for (const t of times) {
      const p = parseProgramLine(`${t} INFO ai.backend.x [1] m`);
      const [date = '', clock = ''] = t.replace(',', '.').split(' ');
      const [hms = '', frac = ''] = clock.split('.');
      expect(p?.wallClockMs, t).toBe(Date.parse(`${date}T${hms}.${frac.padEnd(3, '0')}Z`));
    }
    // Redis prints its own day and month: the same minute written differently.
    expect(parseProgramLine('1:M 1 Jan 2027 00:00:07.250 * Ready')?.wallClockMs).toBe(Date.parse('2027-01-01T00:00:07.250Z'));
    expect(parseProgramLine('2027-01-01 00:00:08.000 UTC [1] LOG:  ready')?.wallClockMs).toBe(Date.parse('2027-01-01T00:00:08.000Z'));
  });

  it('skips the program formats only for lines that cannot be one', () => {
    expect(parseProgramLine('  File "x.py", line 1, in y')).toBeNull();
    expect(parseProgramLine('Traceback (most recent call last):')).toBeNull();
    expect(parseProgramLine('\x1b[32m2026-11-29 10:35:00.123 INFO a.b [1] coloured first')?.level).toBe('info');
  });

  it('still groups tracebacks, including an exception group\'s indented header', () => {
    const lines = [
      '2026-11-29 10:35:00.123 ERROR ai.backend.manager.api [4242] unexpected error',
      'Traceback (most recent call last):',
      '  File "x.py", line 1, in y',
      'ValueError: v',
      '  + Exception Group Traceback (most recent call last):',
      '  |   File "z.py", line 2, in w',
      '2026-11-29 10:35:01.000 INFO ai.backend.manager.api [4242] next',
    ];
    const { entries } = parseLogText(lines.map((l) => journal('2026-11-29T10:35:00+0000', l)).join('\n'), 'journal-short-iso');
    expect(entries.map((e) => e.continuation.length)).toEqual([5, 0]);
    expect(entries[0]?.continuation[0]).toBe('Traceback (most recent call last):');
    expect(entries[0]?.continuation[3]).toBe('  + Exception Group Traceback (most recent call last):');
  });
});
