/**
 * The renderer's SSH, known-hosts and secret stores against a real core: a
 * preload-style bridge over the memory transport stands in for
 * window.clusterdeck (the only browser global these stores touch), so they
 * make the same calls and hear the same events as in the app. Type-checked
 * by tsconfig.renderer-tests.json (DOM and Node types both).
 */
import { createHmac } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METHODS } from '../../../../common/contract/schemas';
import { connect } from '../../../../common/rpc/connect';
import { BRIDGE_GLOBAL } from '../../../../common/rpc/preloadBridge';
import { createMemoryTransport } from '../../../../common/rpc/memoryTransport';
import { serve } from '../../../../common/rpc/serve';
import { createCore, type Core } from '../../../../main/core/createCore';
import { createPassphraseCipher } from '../../../../main/core/secrets/passphraseCipher';
import { useAppStore } from '../../../../renderer/stores/appStore';
import { useConnectionTestStore } from '../../../../renderer/stores/connectionTestStore';
import { useKnownHostsStore } from '../../../../renderer/stores/knownHostsStore';
import { useNodeConnectionStore, watchNodeConnections } from '../../../../renderer/stores/nodeConnectionStore';
import { usePromptStore } from '../../../../renderer/stores/promptStore';
import { useSecretsStore } from '../../../../renderer/stores/secretsStore';
import { tempDir, testPorts } from '../../support/testPorts';

let core: Core;
let homeDir = '';
let clusterId = '';
let nodeId = '';
let stopWatching: () => void = () => undefined;

beforeAll(async () => {
  const root = tempDir('cd-renderer-ssh-');
  const ports = testPorts(root, { now: () => new Date() });
  homeDir = ports.paths.homeDir;
  core = createCore({ ...ports, secrets: createPassphraseCipher({ dataDir: ports.paths.dataDir, N: 2 ** 12 }) });
  const { server, client } = createMemoryTransport();
  core.events.attach(serve(core.api, server));
  const bridge: Record<string, unknown> = { subscribe: (l: (e: string, p: unknown) => void) => client.onEvent(l) };
  for (const m of METHODS) bridge[m] = (input: unknown) => client.call(m, input);
  (globalThis as { window?: unknown }).window = { [BRIDGE_GLOBAL]: bridge };
  stopWatching = watchNodeConnections();
  const cluster = await connect(client).createCluster({ name: 'Closed ports', ssh: { user: 'nobody' } });
  clusterId = cluster.id;
  // Port 1 on loopback: nothing listens, so the connection is refused at once.
  const node = await connect(client).addNode({ clusterId, fields: { name: 'no-sshd', host: '127.0.0.1', port: 1, ssh: {}, roles: [] } });
  nodeId = node.id;
});

afterAll(async () => {
  stopWatching();
  await core.close();
  delete (globalThis as { window?: unknown }).window;
});

describe('the connection stores', () => {
  it('reports a refused connection in plain words, and the node turns failed', async () => {
    await useConnectionTestStore.getState().test(nodeId);
    const outcome = useConnectionTestStore.getState().byNode[nodeId];
    expect(outcome).toMatchObject({ status: 'failed', error: { code: 'unreachable', message: expect.stringMatching(/refused the connection/) } });
    await expect.poll(() => useNodeConnectionStore.getState().byNode[nodeId]?.state).toBe('failed');
    expect(useNodeConnectionStore.getState().byNode[nodeId]?.reason).toMatch(/127\.0\.0\.1:1/);
  });

  it('re-reads the engine state on load, as after a reconnect', async () => {
    useNodeConnectionStore.setState({ byNode: {} });
    await useNodeConnectionStore.getState().load();
    expect(useNodeConnectionStore.getState().loadError).toBeNull();
    expect(Object.keys(useNodeConnectionStore.getState().byNode)).toContain(nodeId);
  });

  it('lists the re-key of an unreachable node as unreachable, offering no key to accept', async () => {
    await useKnownHostsStore.getState().runRekey('Closed ports', [nodeId]);
    expect(useKnownHostsStore.getState().rekey.rows).toEqual([
      expect.objectContaining({ nodeId, status: 'unreachable', fingerprint: null, message: expect.stringMatching(/refused/) }),
    ]);
    await useKnownHostsStore.getState().load();
    expect(useKnownHostsStore.getState()).toMatchObject({ status: 'ready', saved: [], fileLines: [], knownHostsFile: { state: 'missing' } });
  });
});

describe('the known hosts store', () => {
  it('shows the lines of ~/.ssh/known_hosts apart from saved keys, with the node a hashed line names', async () => {
    // A hashed line for [127.0.0.1]:1 (the no-sshd node), as `ssh-keygen -H` writes it, and one line nothing can read.
    const fixtures = join(__dirname, '../../../fixtures/known_hosts');
    const blob = readFileSync(join(fixtures, 'ssh-keygen-lf-fingerprints.txt'), 'utf8').split('\n').find((l) => l.startsWith('host_ed25519 '))?.split(' ')[1];
    const salt = Buffer.alloc(20, 9);
    const hash = createHmac('sha1', salt).update('[127.0.0.1]:1').digest('base64');
    mkdirSync(join(homeDir, '.ssh'), { recursive: true });
    writeFileSync(join(homeDir, '.ssh', 'known_hosts'), `|1|${salt.toString('base64')}|${hash} ssh-ed25519 ${blob ?? ''}\nnot a key line\n`);

    await useKnownHostsStore.getState().load();

    const state = useKnownHostsStore.getState();
    expect(state).toMatchObject({ status: 'ready', error: null, saved: [] });
    expect(state.knownHostsFile).toMatchObject({ state: 'read', path: join(homeDir, '.ssh', 'known_hosts'), skipped: 1, skippedLines: [2] });
    expect(state.fileLines).toEqual([
      expect.objectContaining({ source: 'known_hosts', line: 1, hashed: true, keyType: 'ssh-ed25519', matches: [expect.objectContaining({ nodeId, name: 'no-sshd' })] }),
    ]);
  });
});

describe('the prompt store', () => {
  it('drops an answered prompt nobody is waiting for and says it had closed', async () => {
    usePromptStore.getState().add({
      type: 'hostkey',
      prompt: { promptId: 'gone', nodeId, nodeName: 'no-sshd', hop: 'node', host: '127.0.0.1', port: 1, keyType: 'ssh-ed25519', fingerprint: 'SHA256:x', coveredByCertAuthority: false },
    });
    await usePromptStore.getState().answerHostKey('gone', 'trust-remember');
    expect(usePromptStore.getState()).toMatchObject({ queue: [], busyId: null, notice: expect.stringMatching(/already closed/) });
  });

  it('closes a queued prompt when main says it timed out', () => {
    usePromptStore.setState({ notice: null });
    const prompt = { promptId: 'p2', nodeId, nodeName: 'no-sshd', hop: 'node' as const, host: 'h', port: 22, keyType: 'ssh-rsa', fingerprint: 'SHA256:y', coveredByCertAuthority: false };
    usePromptStore.getState().add({ type: 'hostkey', prompt });
    usePromptStore.getState().closed('p2', 'timeout');
    expect(usePromptStore.getState().queue).toEqual([]);
    expect(usePromptStore.getState().notice).toMatch(/timed out/);
  });
});

describe('the secrets store', () => {
  const scope = () => ({ nodeId });

  it('opens the unlock dialog when a save meets locked secrets', async () => {
    await useAppStore.getState().loadInfo();
    expect(useAppStore.getState().info?.secrets).toBe('locked');
    expect(await useSecretsStore.getState().save(clusterId, scope(), 'sudo-password', 'sudo-secret-1')).toBe(false);
    expect(useSecretsStore.getState().isUnlockOpen).toBe(true);
    expect(useSecretsStore.getState().slotErrors[`node:${nodeId}/sudo-password`]).toMatch(/locked/);
  });

  it('keeps the dialog open with the reason when the passphrase is too short', async () => {
    await useSecretsStore.getState().unlock('short');
    expect(useSecretsStore.getState()).toMatchObject({ isUnlockOpen: true, unlockError: 'Use at least 8 characters.' });
  });

  it('unlocks, saves a secret, lists it as saved without its value, and forgets it', async () => {
    await useSecretsStore.getState().unlock('renderer test passphrase');
    expect(useSecretsStore.getState().isUnlockOpen).toBe(false);
    expect(useAppStore.getState().info?.secrets).toBe('unlocked');
    expect(await useSecretsStore.getState().save(clusterId, scope(), 'sudo-password', 'sudo-secret-1')).toBe(true);
    const listed = useSecretsStore.getState().byCluster[clusterId];
    expect(listed).toEqual([expect.objectContaining({ kind: 'sudo-password', scope: scope(), saved: true })]);
    expect(JSON.stringify(useSecretsStore.getState())).not.toContain('sudo-secret-1');
    await useSecretsStore.getState().forget(clusterId, scope(), 'sudo-password');
    expect(useSecretsStore.getState().byCluster[clusterId]).toEqual([]);
  });
});
