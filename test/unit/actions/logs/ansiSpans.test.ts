import { describe, expect, it } from 'vitest';
import { parseAnsi, stripAnsi } from '../../../../main/core/actions/logs/ansiSpans';
import { fixture } from '../../catalog/fixtureFiles';

describe('ANSI colour codes', () => {
  it('turns the SGR codes of a real coloured Backend.AI line into spans', () => {
    const line = fixture('journal/journalctl-cat-failed-agent.txt').split('\n').find((l) => l.includes('\x1b[')) ?? '';
    const spans = parseAnsi(line);
    expect(spans.map((s) => s.style)).toEqual([{ fg: 2 }, {}, { fg: 6 }, {}, { bold: true }]);
    expect(spans.map((s) => s.text).join('')).toBe(stripAnsi(line));
    expect(spans[4]?.text).toBe('GET /status -> 200');
  });

  it.each([
    ['\x1b[1;31mred\x1b[22mplain-red\x1b[39mplain', [{ text: 'red', style: { bold: true, fg: 1 } }, { text: 'plain-red', style: { fg: 1 } }, { text: 'plain', style: {} }]],
    ['\x1b[38;5;208morange\x1b[0m', [{ text: 'orange', style: { fg: 208 } }]],
    ['\x1b[38;2;255;128;0mrgb\x1b[m', [{ text: 'rgb', style: { fg: '#ff8000' } }]],
    ['\x1b[38:2::1:2:3mcolon\x1b[0m', [{ text: 'colon', style: { fg: '#010203' } }]],
    ['\x1b[92;44mbright on blue', [{ text: 'bright on blue', style: { fg: 10, bg: 4 } }]],
    ['\x1b[4;7mu\x1b[24;27mn', [{ text: 'u', style: { underline: true, inverse: true } }, { text: 'n', style: {} }]],
  ])('reads %j', (text, spans) => {
    expect(parseAnsi(text)).toEqual(spans);
  });

  it('drops escapes that are not colours: cursor moves, titles, links', () => {
    const text = '\x1b]0;title\x07\x1b[2K\x1b[1Gprogress \x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\ done\x1b(B';
    expect(stripAnsi(text)).toBe('progress link done');
    expect(parseAnsi(text)).toEqual([{ text: 'progress link done', style: {} }]);
  });

  it('leaves text without escapes alone', () => {
    expect(parseAnsi('plain')).toEqual([{ text: 'plain', style: {} }]);
    expect(parseAnsi('')).toEqual([]);
  });
});
