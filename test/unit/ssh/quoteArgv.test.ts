import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { quoteArg, quoteArgv, quoteChangeDir } from '../../../main/core/ssh/quoteArgv';

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

  it('changes into a folder under the login home written as ~/, and nowhere odd', () => {
    const home = mkdtempSync(path.join(os.tmpdir(), 'cd-home-'));
    try {
      mkdirSync(path.join(home, "half stack's"));
      const pwd = (dir: string) => execFileSync('/bin/sh', ['-c', `${quoteChangeDir(dir)} && pwd`], { env: { HOME: home, PATH: '/usr/bin:/bin' } }).toString().trim();
      expect(pwd("~/half stack's")).toBe(path.join(home, "half stack's"));
      expect(pwd('~')).toBe(home);
      expect(pwd(home)).toBe(home);
      expect(quoteChangeDir('~other/x')).toBe("cd -- '~other/x'");
      expect(quoteChangeDir('~/$(id)')).toBe(`cd -- "$HOME"/'$(id)'`);
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });
});
