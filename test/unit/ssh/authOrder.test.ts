import { describe, expect, it } from 'vitest';
import { agentSocketFor, buildAuthOrder, nextAuthStep } from '../../../main/core/ssh/authOrder';

const defaults = ['/home/op/.ssh/id_ed25519', '/home/op/.ssh/id_rsa'];

describe('buildAuthOrder', () => {
  it('tries only the explicit key when a key path is set, not the agent or ~/.ssh', () => {
    expect(buildAuthOrder({ authMethod: 'key', keyPath: '/keys/prod', defaultKeyPaths: defaults, agentSocket: '/tmp/agent' })).toEqual([
      { kind: 'publickey', keyPath: '/keys/prod' },
    ]);
  });

  it('falls back to the agent then the default identity files without a key path', () => {
    expect(buildAuthOrder({ authMethod: 'key', defaultKeyPaths: defaults, agentSocket: '/tmp/agent' })).toEqual([
      { kind: 'agent', socket: '/tmp/agent' },
      { kind: 'publickey', keyPath: defaults[0] },
      { kind: 'publickey', keyPath: defaults[1] },
    ]);
  });

  it('never offers more than three default identity files', () => {
    const many = ['a', 'b', 'c', 'd', 'e'];
    expect(buildAuthOrder({ authMethod: 'key', defaultKeyPaths: many })).toHaveLength(3);
  });

  it('sends a password first, then the same password through keyboard-interactive', () => {
    expect(buildAuthOrder({ authMethod: 'password', defaultKeyPaths: defaults }).map((s) => s.kind)).toEqual([
      'password',
      'keyboard-interactive',
    ]);
  });

  it('has nothing to try for agent auth without an agent', () => {
    expect(buildAuthOrder({ authMethod: 'agent', defaultKeyPaths: defaults })).toEqual([]);
  });

  it('relays keyboard-interactive only', () => {
    expect(buildAuthOrder({ authMethod: 'keyboard-interactive', defaultKeyPaths: defaults })).toEqual([{ kind: 'keyboard-interactive' }]);
  });
});

describe('nextAuthStep', () => {
  const order = buildAuthOrder({ authMethod: 'password', defaultKeyPaths: [] });

  it('starts at the first step before the server named its methods', () => {
    expect(nextAuthStep(order, 0, null)?.step.kind).toBe('password');
  });

  it('skips methods the server does not accept', () => {
    expect(nextAuthStep(order, 0, ['publickey', 'keyboard-interactive'])).toEqual({ step: { kind: 'keyboard-interactive' }, index: 1 });
    expect(nextAuthStep(order, 0, ['publickey'])).toBeNull();
  });

  it('counts an agent step as publickey on the wire', () => {
    const agentOrder = buildAuthOrder({ authMethod: 'agent', defaultKeyPaths: [], agentSocket: '/a' });
    expect(nextAuthStep(agentOrder, 0, ['publickey'])?.step.kind).toBe('agent');
  });
});

describe('agentSocketFor', () => {
  it('uses SSH_AUTH_SOCK anywhere', () => {
    expect(agentSocketFor('linux', '/run/agent.sock', false)).toBe('/run/agent.sock');
  });
  it('has no agent on unix without SSH_AUTH_SOCK', () => {
    expect(agentSocketFor('darwin', undefined, false)).toBeUndefined();
  });
  it('prefers the Windows OpenSSH agent pipe, then Pageant', () => {
    expect(agentSocketFor('win32', undefined, true)).toBe('\\\\.\\pipe\\openssh-ssh-agent');
    expect(agentSocketFor('win32', undefined, false)).toBe('pageant');
  });
});
