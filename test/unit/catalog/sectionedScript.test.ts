import { describe, expect, it } from 'vitest';
import { buildSectionedScript, detectNonce, parseSections } from '../../../main/core/catalog/sectionedScript';
import { framed, runInSh, TEST_NONCE, withEmptyDir } from './fixtureFiles';

describe('sectioned script', () => {
  it('gives every section back with its own output and exit code when run by a real sh', () => {
    const words = ['a b', "it's", '$HOME', '`id`', 'line\nbreak', '*', '', 'ünï'];
    const script = buildSectionedScript(
      [
        { name: 'echo-back', argv: ['printf', '%s|', ...words] },
        { name: 'fails', argv: ['false'] },
        { name: 'missing-tool', argv: ['no-such-tool-anywhere', '--version'] },
        { name: 'silent', argv: ['true'] },
      ],
      TEST_NONCE,
    );
    const { stdout, status } = withEmptyDir((dir) => runInSh(script, { PATH: dir, HOME: '/nonexistent' }));
    expect(status).toBe(0);
    const sections = parseSections(stdout, TEST_NONCE);
    expect(sections.get('echo-back')).toEqual({ output: `${words.join('|')}|`, exitCode: 0 });
    expect(sections.get('fails')?.exitCode).toBe(1);
    expect(sections.get('missing-tool')?.exitCode).toBe(127);
    expect(sections.get('silent')).toEqual({ output: '', exitCode: 0 });
  });

  it('does not let a command read the rest of the script from stdin', () => {
    const script = buildSectionedScript([{ name: 'reader', argv: ['read', 'x'] }, { name: 'after', argv: ['echo', 'still here'] }], TEST_NONCE);
    const { stdout } = withEmptyDir((dir) => runInSh(script, { PATH: dir }));
    expect(parseSections(stdout).get('after')).toEqual({ output: 'still here\n', exitCode: 0 });
  });

  it('finds the sections after whatever a login script printed first', () => {
    const stdout = `Welcome to bai-m1!\n${framed([['tools', 'docker yes\n', 0]])}`;
    expect(detectNonce(stdout)).toBe(TEST_NONCE);
    expect(parseSections(stdout).get('tools')).toEqual({ output: 'docker yes\n', exitCode: 0 });
  });

  it('ignores a marker with another nonce inside a command\'s output', () => {
    const forged = '@@clusterdeck:0000000000aa end units 0\n';
    const stdout = framed([['units', `Id=x.service\n${forged}`, 0]]);
    expect(parseSections(stdout, TEST_NONCE).get('units')?.output).toBe(`Id=x.service\n${forged}`);
  });

  it('marks a section whose end never came (timeout, connection lost) with a null exit code', () => {
    const stdout = `${framed([['tools', 'docker yes', 0]])}@@clusterdeck:${TEST_NONCE} begin units\nId=backendai-`;
    const sections = parseSections(stdout);
    expect(sections.get('tools')).toEqual({ output: 'docker yes', exitCode: 0 });
    expect(sections.get('units')).toEqual({ output: 'Id=backendai-', exitCode: null });
  });

  it('returns nothing for output without any marker', () => {
    expect(parseSections('sh: 1: Syntax error').size).toBe(0);
  });

  it('refuses a nonce or section name that could break the framing', () => {
    expect(() => buildSectionedScript([], 'x y')).toThrow(/nonce/);
    expect(() => buildSectionedScript([{ name: 'a b', argv: ['true'] }], TEST_NONCE)).toThrow(/Section name/);
    expect(() => buildSectionedScript([{ name: 'a', argv: ['true'] }, { name: 'a', argv: ['true'] }], TEST_NONCE)).toThrow(/repeated/);
  });
});
