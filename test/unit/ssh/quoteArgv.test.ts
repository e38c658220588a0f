import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { quoteArg, quoteArgv } from '../../../main/core/ssh/quoteArgv';

describe('quoteArgv', () => {
  it.each([
    ['plain', 'plain'],
    ['/usr/bin/systemctl', '/usr/bin/systemctl'],
    ['--prefix', '--prefix'],
    ['', "''"],
    ['two words', "'two words'"],
    ["it's", "'it'\\''s'"],
    ['$HOME', "'$HOME'"],
    ['`id`', "'`id`'"],
    ['a\nb', "'a\nb'"],
    ['FOO=bar', "'FOO=bar'"],
    ['~', "'~'"],
    ['#comment', "'#comment'"],
    ['*', "'*'"],
    ['ünïcode', "'ünïcode'"],
  ])('quotes %j as %j', (arg, quoted) => {
    expect(quoteArg(arg)).toBe(quoted);
  });

  it('joins words with single spaces', () => {
    expect(quoteArgv(['printf', '%s\\n', 'a b'])).toBe("printf '%s\\n' 'a b'");
  });

  it('refuses NUL bytes and empty argv with an invalid_input error', () => {
    expect(() => quoteArg('a\0b')).toThrow(/NUL byte/);
    expect(() => quoteArgv([])).toThrow(/No command/);
  });

  it('round-trips awkward words through a real local sh', () => {
    const words = ["it's", '$(id)', '`x`', 'a\nb', '-n', '--', '"', '\\', '!', 'A=1', '', ' lead', 'ü', '\t'];
    const out = execFileSync('/bin/sh', ['-c', `printf '%s\\0' ${quoteArgv(words)}`]);
    expect(out.toString('utf8').split('\0').slice(0, -1)).toEqual(words);
  });
});
