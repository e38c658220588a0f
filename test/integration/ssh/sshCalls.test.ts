import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../../common/contract/api';
import type { ClusterWithNodes } from '../../../common/contract/schemas/profiles';
import type { Core } from '../../../main/core/createCore';
import { openLabCore } from '../support/labCore';

let core: Core;
let api: ApiClient;
let cluster: ClusterWithNodes;
let logged: string[];
let nodeId: (name: string) => string;

beforeAll(async () => {
  // Each test answers the host key prompt its own way.
  ({ core, api, cluster, logged, nodeId } = await openLabCore({ name: 'sshcalls', trustHostKeys: false }));
});
afterAll(async () => {
  await core.close();
});

describe('SSH and secret calls through the contract', () => {
  it('tests a connection after the person trusts the host key, then lists the saved key', async () => {
    const off = api.on('hostkey.prompt', (p) => void api.answerHostKeyPrompt({ promptId: p.promptId, decision: 'trust-remember' }));
    const states: string[] = [];
    const offState = api.on('node.connection', (e) => states.push(e.state));
    const result = await api.testConnection({ nodeId: nodeId('bai-m1') });
    off();
    offState();
    expect(result).toMatchObject({ authMethod: expect.stringMatching(/^key /), serverVersion: expect.stringMatching(/^OpenSSH/), jumpHops: [] });
    expect(result.latencyMs).toBeGreaterThan(0);
    expect(states).toEqual(['connecting', 'ready']);
    expect((await api.listKnownHosts({})).entries).toEqual([expect.objectContaining({ source: 'app', host: '192.0.2.11', port: 22, fingerprint: result.hostKey.fingerprint })]);
    expect(await api.getNodeConnections({})).toEqual([expect.objectContaining({ nodeId: nodeId('bai-m1'), state: 'ready', channels: 0 })]);
  });

  it('keeps secrets locked until the passphrase is given, and never returns a value', async () => {
    const scope = { nodeId: nodeId('bai-a01') };
    await expect(api.setSecret({ scope, kind: 'sudo-password', value: 'cdlab-sudo-pw' })).rejects.toMatchObject({ code: 'locked' });
    expect((await api.getAppInfo({})).secrets).toBe('locked');
    await expect(api.unlockSecrets({ passphrase: 'lab passphrase 1' })).resolves.toEqual({ secrets: 'unlocked' });
    expect((await api.getAppInfo({})).secrets).toBe('unlocked');
    const saved = await api.setSecret({ scope, kind: 'sudo-password', value: 'cdlab-sudo-pw' });
    expect(saved).toMatchObject({ kind: 'sudo-password', scope, saved: true });
    const listed = await api.listSecrets({ clusterId: cluster.id });
    expect(listed).toEqual([expect.objectContaining({ kind: 'sudo-password', scope })]);
    expect(JSON.stringify(listed)).not.toContain('cdlab-sudo-pw');
    expect(await api.forgetSecret({ scope, kind: 'sudo-password' })).toEqual({ forgotten: true });
  });

  it('rejects malformed input at the contract', async () => {
    await expect(api.replaceHostKey({ nodeId: nodeId('bai-m1'), fingerprint: 'MD5:aa' })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(api.answerHostKeyPrompt({ promptId: 'x', decision: 'always' as never })).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('answers a prompt id nobody asked with accepted: false', async () => {
    expect(await api.answerAuthPrompt({ promptId: 'nope', answers: ['x'] })).toEqual({ accepted: false });
  });

  it('never logs a secret value', () => {
    expect(logged.join('\n')).not.toContain('cdlab-sudo-pw');
    expect(logged.join('\n')).not.toContain('lab passphrase 1');
  });
});
