import { randomBytes } from 'node:crypto';
import { ApiError } from '../../../common/contract/errors';
import { describe, expect, it } from 'vitest';
import { createPendingPrompts } from '../../../main/core/ssh/pendingPrompts';
import { verifyHostKey, type HostKeyDecision, type HostKeyTrust } from '../../../main/core/ssh/hostKeyVerifier';
import { fingerprintOf } from '../../../main/core/ssh/hostKeyDecision';
import type { NodeTarget, SshHop } from '../../../main/core/ssh/nodeTarget';
import { parseKnownHosts } from '../../../main/core/ssh/knownHostsFile';
import type { NodeConnection } from '../../../renderer/features/ssh/connectionStateText';
import { changedHostKeyOf, isNodeOwnKey, knownHostsRemoval } from '../../../renderer/features/ssh/hostKeyChange';
import { memoryHostKeys } from '../../integration/ssh/memoryHostKeys';

/** An ssh-ed25519 public key blob (RFC 8709): string "ssh-ed25519", string 32 key bytes. */
function ed25519Blob(): Buffer {
  const str = (b: Buffer) => Buffer.concat([Buffer.from([0, 0, 0, b.length]), b]);
  return Buffer.concat([str(Buffer.from('ssh-ed25519')), str(randomBytes(32))]);
}

/** The engine's own refusal of a changed key, as it crosses the transport (toJSON), so the view reads what core really sends. */
async function refusalOf(hop: SshHop, oldKeyIn: 'store' | 'file' = 'store'): Promise<{ error: ReturnType<ApiError['toJSON']>; saved: string; presented: string }> {
  const store = memoryHostKeys();
  const old = ed25519Blob();
  const hostField = hop.port === 22 ? hop.host : `[${hop.host}]:${hop.port}`;
  const fileText = oldKeyIn === 'file' ? `# operator's file\n${hostField} ssh-ed25519 ${old.toString('base64')}\n` : '';
  if (oldKeyIn === 'store') store.save(hop.host, hop.port, 'ssh-ed25519', old.toString('base64'));
  const trust: HostKeyTrust = {
    store,
    file: { path: null, label: '~/.ssh/known_hosts', lines: () => parseKnownHosts(fileText) },
    prompts: createPendingPrompts<HostKeyDecision>(() => undefined),
    events: { emit: () => undefined },
    promptTimeoutMs: 1000,
    trustedOnce: new Set(),
    observed: new Map(),
  };
  const target: NodeTarget = { nodeId: 'n1', nodeName: 'bai-a03', clusterId: 'c1', sudoMode: 'auto', hops: [hop] };
  const presented = ed25519Blob();
  try {
    await verifyHostKey(trust, target, hop, presented, { interactive: true });
  } catch (err) {
    expect(err).toBeInstanceOf(ApiError);
    const error = JSON.parse(JSON.stringify(err)) as ReturnType<ApiError['toJSON']>;
    return { error, saved: fingerprintOf(old.toString('base64')), presented: fingerprintOf(presented.toString('base64')) };
  }
  throw new Error('the engine accepted a changed key');
}

const nodeHop: SshHop = { host: '192.0.2.131', port: 22, user: 'cdlab', authMethod: 'key', label: 'bai-a03', isJump: false };
const jumpHop: SshHop = { host: '192.0.2.5', port: 2222, user: 'cdlab', authMethod: 'key', label: 'jump host 192.0.2.5', isJump: true };

describe('the changed host key the engine reports', () => {
  it('finds both fingerprints and the node address in the refusal of a node key', async () => {
    const r = await refusalOf(nodeHop);
    const change = changedHostKeyOf(r.error);
    expect(change).toEqual({
      where: 'bai-a03 (192.0.2.131:22)',
      host: '192.0.2.131',
      port: 22,
      saved: { keyType: 'ED25519', fingerprint: r.saved },
      presented: { keyType: 'ED25519', fingerprint: r.presented },
      savedInFile: null,
    });
    expect(isNodeOwnKey(change!, { host: '192.0.2.131', port: 22 })).toBe(true);
  });

  it('tells a jump host key apart from the node own key', async () => {
    const r = await refusalOf(jumpHop);
    const change = changedHostKeyOf(r.error);
    expect(change).toMatchObject({ host: '192.0.2.5', port: 2222, presented: { fingerprint: r.presented } });
    expect(isNodeOwnKey(change!, { host: '192.0.2.131', port: 22 })).toBe(false);
  });

  it('says when the old key is a line of ~/.ssh/known_hosts, and how to remove it there', async () => {
    const r = await refusalOf(jumpHop, 'file');
    const change = changedHostKeyOf(r.error);
    expect(change).toMatchObject({ host: '192.0.2.5', port: 2222, savedInFile: '~/.ssh/known_hosts line 2', saved: { fingerprint: r.saved } });
    expect(knownHostsRemoval(change!)).toBe("ssh-keygen -R '[192.0.2.5]:2222'");
    expect(knownHostsRemoval({ host: '192.0.2.5', port: 22 })).toBe('ssh-keygen -R 192.0.2.5');
  });

  it('returns null for other failures, so no Replace key is offered for them', () => {
    expect(changedHostKeyOf(new ApiError('auth_failed', 'bai-a01 (192.0.2.21:22) refused the login as cdlab.').toJSON())).toBeNull();
    const failedConnection: NodeConnection = { state: 'failed', reason: 'bai-a01 presented a different host key', since: 0 };
    expect(changedHostKeyOf(failedConnection)).toBeNull();
    expect(changedHostKeyOf(null)).toBeNull();
  });
});
