import { describe, expect, it } from 'vitest';
import { createLineSplitter } from '../../../../main/core/actions/logs/lineSplitter';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('line splitter', () => {
  it('joins a line split across chunks and gives only whole lines', () => {
    const split = createLineSplitter();
    expect(split.push(bytes('first\nsec'))).toEqual(['first']);
    expect(split.push(bytes('ond\nthi'))).toEqual(['second']);
    expect(split.end()).toEqual(['thi']);
  });

  it('keeps a UTF-8 character whole when a chunk ends inside it', () => {
    const all = bytes('한글 로그 ✓ 🚀\n');
    const split = createLineSplitter();
    const lines: string[] = [];
    // Every byte its own chunk: each multi-byte sequence is cut at every point.
    for (const b of all) lines.push(...split.push(Uint8Array.of(b)));
    lines.push(...split.end());
    expect(lines).toEqual(['한글 로그 ✓ 🚀']);
  });

  it('drops the \\r of CRLF line ends, also when \\r and \\n arrive apart', () => {
    const split = createLineSplitter();
    expect([...split.push(bytes('a\r')), ...split.push(bytes('\nb\r\n'))]).toEqual(['a', 'b']);
  });

  it('cuts a line that never ends so memory stays bounded', () => {
    const split = createLineSplitter({ maxLineChars: 4 });
    expect(split.push('abcdefghij')).toEqual(['abcd', 'efgh']);
    expect(split.end()).toEqual(['ij']);
  });

  it('gives nothing more after a final newline', () => {
    const split = createLineSplitter();
    expect(split.push('x\n')).toEqual(['x']);
    expect(split.end()).toEqual([]);
  });
});
