import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { METHODS } from '../../../common/contract/schemas';
import { createCore } from '../../../main/core/createCore';
import { LATEST_SCHEMA_VERSION } from '../../../main/core/store/migrations';
import { STORE_FILE } from '../../../main/core/store/openStore';
import { connectedCore, rejectionOf } from '../support/connectedCore';
import { tempDir, testCipher, testPorts } from '../support/testPorts';

describe('createCore', () => {
  it('implements every call in METHODS, and nothing else', async () => {
    const core = createCore(testPorts());
    expect(Object.keys(core.api).sort()).toEqual([...METHODS].sort());
    await core.close();
  });

  it('creates its data, backups and logs folders, and the store inside the data folder', async () => {
    const ports = testPorts(join(tempDir(), 'not', 'yet', 'there'));
    const core = createCore(ports);
    for (const dir of [ports.paths.dataDir, ports.paths.backupsDir, ports.paths.logsDir]) expect(existsSync(dir)).toBe(true);
    expect(existsSync(join(ports.paths.dataDir, STORE_FILE))).toBe(true);
    expect(core.storeState).toEqual({ status: 'ok', path: join(ports.paths.dataDir, STORE_FILE), schemaVersion: LATEST_SCHEMA_VERSION });
    await core.close();
  });

  it('reports version, form, data dir, store and whether secrets can be read', async () => {
    const ports = testPorts(tempDir(), { form: 'desktop', version: '9.9.9' });
    const { client, core } = connectedCore(ports);
    expect(await client.getAppInfo({})).toEqual({
      version: '9.9.9',
      form: 'desktop',
      dataDir: ports.paths.dataDir,
      store: { status: 'ok', path: join(ports.paths.dataDir, STORE_FILE), schemaVersion: LATEST_SCHEMA_VERSION },
      secrets: 'unlocked',
    });
    await core.close();
  });

  it.each([
    ['locked', testCipher(false)],
    [
      'unavailable',
      {
        ...testCipher(),
        isAvailable: (): boolean => {
          throw new Error('no keyring backend');
        },
      },
    ],
  ] as const)('reports secrets as %s', async (state, secrets) => {
    const { client, core } = connectedCore(testPorts(tempDir(), { secrets }));
    expect((await client.getAppInfo({})).secrets).toBe(state);
    await core.close();
  });

  it('closes once however often close() is called, and then refuses store calls', async () => {
    const { client, core } = connectedCore();
    await client.createCluster({ name: 'Acme', ssh: { user: 'lablup' } });
    await Promise.all([core.close(), core.close()]);
    await core.close();
    expect(await rejectionOf(client.listClusters({}))).toMatchObject({ code: 'internal', message: expect.stringContaining('shutting down') });
  });
});
