import { describe, expect, it } from 'vitest';
import { authFieldsOf, authPromptTitle } from '../../../renderer/features/ssh/authPromptFields';
import { dropPrompt, enqueuePrompt, type AuthPrompt, type HostKeyPrompt, type QueuedPrompt } from '../../../renderer/features/ssh/promptQueue';

const hostKey = (promptId: string, nodeId = 'n1'): QueuedPrompt => ({
  type: 'hostkey',
  prompt: {
    promptId,
    nodeId,
    nodeName: 'bai-m1',
    hop: 'node',
    host: '192.0.2.11',
    port: 22,
    keyType: 'ssh-ed25519',
    fingerprint: 'SHA256:x',
    coveredByCertAuthority: false,
  } satisfies HostKeyPrompt,
});

const otpRound: AuthPrompt = {
  promptId: 'a1',
  nodeId: 'n2',
  nodeName: 'bai-a02',
  host: '192.0.2.22',
  port: 22,
  user: 'cdlabotp',
  kind: 'keyboard-interactive',
  title: '',
  instructions: '',
  prompts: [
    { prompt: 'Password: ', echo: false },
    { prompt: 'Verification code: ', echo: false },
    { prompt: 'Your name? ', echo: true },
  ],
  canRemember: false,
};

describe('the SSH prompt queue', () => {
  it('keeps prompts in arrival order and shows the oldest first', () => {
    let q: QueuedPrompt[] = [];
    q = enqueuePrompt(q, hostKey('p1'));
    q = enqueuePrompt(q, { type: 'auth', prompt: otpRound });
    q = enqueuePrompt(q, hostKey('p3'));
    expect(q.map((p) => p.prompt.promptId)).toEqual(['p1', 'a1', 'p3']);
  });

  it('ignores the same prompt announced twice', () => {
    const q = enqueuePrompt(enqueuePrompt([], hostKey('p1')), hostKey('p1'));
    expect(q).toHaveLength(1);
  });

  it('drops a closed prompt wherever it waits', () => {
    const q = [hostKey('p1'), hostKey('p2', 'n2'), hostKey('p3')];
    expect(dropPrompt(q, 'p2').map((p) => p.prompt.promptId)).toEqual(['p1', 'p3']);
    expect(dropPrompt(q, 'unknown')).toHaveLength(3);
  });
});

describe('the fields of a login prompt', () => {
  it('labels each question in the server words and hides what the server does not echo', () => {
    expect(authFieldsOf(otpRound)).toEqual([
      { label: 'Password', isHidden: true, autoComplete: 'current-password' },
      { label: 'Verification code', isHidden: true, autoComplete: 'one-time-code' },
      { label: 'Your name?', isHidden: false, autoComplete: 'off' },
    ]);
  });

  it('numbers a question the server left blank', () => {
    expect(authFieldsOf({ prompts: [{ prompt: '', echo: true }] })[0]?.label).toBe('Answer 1');
  });

  it('names whose login it is, with a port only when it is not 22', () => {
    expect(authPromptTitle(otpRound)).toBe('Login question from cdlabotp@192.0.2.22');
    expect(authPromptTitle({ ...otpRound, kind: 'passphrase', port: 2222 })).toBe('Key passphrase for cdlabotp@192.0.2.22:2222');
  });
});
