import { describe, expect, it } from 'vitest';
import { initialSudoWatch, stepSudoWatch, sudoTokens, type SudoWatchState } from '../../../main/core/ssh/sudoPrompt';

const tokens = sudoTokens('n0nce42');

/** Feeds chunks in order and gathers what the caller would see and do. */
function run(chunks: string[]) {
  let state: SudoWatchState = initialSudoWatch;
  let passthrough = '';
  let passwords = 0;
  let started = false;
  let refusal: string | undefined;
  for (const c of chunks) {
    const step = stepSudoWatch(state, c, tokens);
    state = step.state;
    passthrough += step.passthrough;
    if (step.sendPassword) passwords++;
    if (step.started) started = true;
    if (step.refused) refusal = step.refusal;
  }
  return { passthrough, passwords, started, refusal, state };
}

describe('sudo prompt watcher', () => {
  it('sends the password once at the exact prompt and strips prompt and start marker', () => {
    const r = run([tokens.prompt, tokens.started + 'warning: disk 91%\n']);
    expect(r).toMatchObject({ passwords: 1, started: true, refusal: undefined, passthrough: 'warning: disk 91%\n' });
  });

  it('finds the nonce split across chunks, one byte at a time', () => {
    const r = run([...`${tokens.prompt}${tokens.started}after`]);
    expect(r).toMatchObject({ passwords: 1, started: true, passthrough: 'after' });
  });

  it('does not send the password for text that only looks like a prompt', () => {
    const r = run(['[sudo] password for op: ', '[cd-sudo-other]']);
    expect(r.passwords).toBe(0);
    expect(r.passthrough).toBe('[sudo] password for op: [cd-sudo-other]');
  });

  it('holds back a possible token start, then releases it when it is not one', () => {
    const first = stepSudoWatch(initialSudoWatch, 'error: [cd-su', tokens);
    expect(first.passthrough).toBe('error: ');
    const second = stepSudoWatch(first.state, 'per]\n', tokens);
    expect(second.passthrough).toBe('[cd-super]\n');
  });

  it('refuses on a second prompt: the password was wrong', () => {
    const r = run([tokens.prompt, '\n', tokens.prompt]);
    expect(r).toMatchObject({ passwords: 1, refusal: 'wrong-password', started: false });
  });

  it('refuses on "Sorry, try again." before the second prompt appears', () => {
    const r = run([tokens.prompt, 'Sorry, try ', 'again.\n', tokens.prompt]);
    expect(r).toMatchObject({ passwords: 1, refusal: 'wrong-password' });
  });

  it('refuses when sudo gives up after one try (passwd_tries=1): "1 incorrect password attempt"', () => {
    const r = run([tokens.prompt, 'sudo: 1 incorrect password ', 'attempt\n']);
    expect(r).toMatchObject({ passwords: 1, refusal: 'wrong-password' });
  });

  it('reports a user who may not sudo at all', () => {
    const r = run(['op is not in the sudoers file.  This incident will be reported.\n']);
    expect(r.refusal).toBe('not-allowed');
  });

  it('lets a NOPASSWD rule start without any password', () => {
    const r = run([tokens.started, 'out']);
    expect(r).toMatchObject({ passwords: 0, started: true, passthrough: 'out' });
  });

  it('passes everything through untouched once running, even tokens', () => {
    const r = run([tokens.started, tokens.prompt]);
    expect(r.passthrough).toBe(tokens.prompt);
    expect(r.passwords).toBe(0);
  });

  it('rejects nonces that sudo would expand', () => {
    expect(() => sudoTokens('%u')).toThrow();
  });
});
