import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { METHODS } from '../../../common/contract/schemas';
import { profileMethods } from '../../../common/contract/schemas/profiles';
import { LATEST_SCHEMA_VERSION } from '../../../main/core/store/migrations';
import { STORE_FILE } from '../../../main/core/store/openStore';
import { BACKUPS_OF_STORE_DIR } from '../../../main/core/store/preMigrationCopy';
import { connectedCore, rejectionOf } from '../support/connectedCore';
import { tempDir, testPorts } from '../support/testPorts';
import { foreignDatabase, listDir, sha256, storeWithDamagedLeaf, storeWithGarbagePages, tooNewStore, truncatedStore } from './storeFiles';

// Each way an operator's file can be unusable, what the app must say, and the code calls fail with.
const refusals = [
  {
    name: 'a file that is not a SQLite database',
    write: (p: string) => writeFileSync(p, 'clusters:\n  - name: Acme\n'.repeat(50)),
    status: 'corrupt',
    code: 'store_corrupt',
    says: /the file is damaged \(it is not a SQLite database\)/,
  },
  { name: 'a file with garbage pages', write: storeWithGarbagePages, status: 'corrupt', code: 'store_corrupt', says: /the file is damaged \(database disk image is malformed\)/ },
  {
    name: 'a file whose damage only the integrity check finds',
    write: storeWithDamagedLeaf,
    status: 'corrupt',
    code: 'store_corrupt',
    says: /the file is damaged \(integrity check: .*btreeInitPage/,
  },
  { name: 'a truncated file', write: truncatedStore, status: 'corrupt', code: 'store_corrupt', says: /the file is damaged/ },
  {
    name: 'a file from a newer ClusterDeck',
    write: (p: string) => tooNewStore(p, LATEST_SCHEMA_VERSION + 7),
    status: 'too_new',
    code: 'store_too_new',
    says: new RegExp(`newer ClusterDeck \\(schema version ${LATEST_SCHEMA_VERSION + 7}; this version knows up to ${LATEST_SCHEMA_VERSION}\\)`),
  },
  { name: "another program's database", write: foreignDatabase, status: 'corrupt', code: 'store_corrupt', says: /ClusterDeck did not write/ },
] as const;

describe.each(refusals)('refusing $name', ({ write, status, code, says }) => {
  function refusedCore() {
    const ports = testPorts(tempDir());
    mkdirSync(ports.paths.dataDir, { recursive: true });
    const path = join(ports.paths.dataDir, STORE_FILE);
    write(path);
    const before = sha256(path);
    return { ...connectedCore(ports), path, before };
  }

  it('leaves the file byte-for-byte untouched, with no copy and no WAL beside it', async () => {
    const { core, path, before, ports } = refusedCore();
    await core.close();
    expect(sha256(path)).toBe(before);
    expect(existsSync(`${path}-wal`)).toBe(false);
    expect(listDir(join(ports.paths.dataDir, BACKUPS_OF_STORE_DIR))).toEqual([]);
    expect(listDir(ports.paths.dataDir)).toEqual([STORE_FILE]);
  });

  it('still starts, and getAppInfo says what happened, where, and what to do', async () => {
    const { client, core, path } = refusedCore();
    const info = await client.getAppInfo({});
    expect(info.store).toEqual({ status, path, message: expect.stringMatching(says) });
    if (info.store.status !== 'ok') {
      expect(info.store.message).toContain(path);
      expect(info.store.message).toContain('It was left untouched');
      expect(info.store.message).toMatch(/restart/);
    }
    await core.close();
  });

  it('fails every profile call and the activity log with the same message', async () => {
    const { client, core, path, before } = refusedCore();
    const info = await client.getAppInfo({});
    const message = info.store.status === 'ok' ? '' : info.store.message;
    // Every profile call but listSshConfigHosts, which reads ~/.ssh/config, not the store.
    const sample: Record<Exclude<keyof typeof profileMethods, 'listSshConfigHosts'>, () => Promise<unknown>> = {
      listClusters: () => client.listClusters({}),
      getCluster: () => client.getCluster({ clusterId: 'c1' }),
      createCluster: () => client.createCluster({ name: 'Acme', ssh: { user: 'lablup' } }),
      updateCluster: () => client.updateCluster({ clusterId: 'c1', fields: { name: 'Acme', ssh: { user: 'lablup' } } }),
      duplicateCluster: () => client.duplicateCluster({ clusterId: 'c1', name: 'Acme 2' }),
      deleteCluster: () => client.deleteCluster({ clusterId: 'c1' }),
      addNode: () => client.addNode({ clusterId: 'c1', fields: { name: 'n1', host: '10.0.0.1' } }),
      updateNode: () => client.updateNode({ nodeId: 'n1', fields: { name: 'n1', host: '10.0.0.1' } }),
      deleteNode: () => client.deleteNode({ nodeId: 'n1' }),
      exportCluster: () => client.exportCluster({ clusterId: 'c1' }),
      importCluster: () => client.importCluster({ json: '{"format":"clusterdeck.cluster","version":1}' }),
    };
    for (const call of Object.values(sample)) {
      expect(await rejectionOf(call())).toMatchObject({ code, message });
    }
    expect(await rejectionOf(client.listActivity({}))).toMatchObject({ code, message });
    expect(await client.listSshConfigHosts({})).toMatchObject({ hosts: [] });
    expect(METHODS.filter((m) => m in profileMethods)).toHaveLength(Object.keys(sample).length + 1);
    await core.close();
    expect(sha256(path)).toBe(before);
  });
});

describe('a store path that cannot be read', () => {
  it('reports the store as unreadable, with the reason, when clusterdeck.db is a folder', async () => {
    const ports = testPorts(tempDir());
    const path = join(ports.paths.dataDir, STORE_FILE);
    mkdirSync(join(path, 'keep'), { recursive: true });
    const { client, core } = connectedCore(ports);
    const info = await client.getAppInfo({});
    expect(info.store).toEqual({ status: 'unreadable', path, message: expect.stringMatching(/could not open its database at .*EISDIR/) });
    expect(await rejectionOf(client.listClusters({}))).toMatchObject({ code: 'store_corrupt' });
    await core.close();
    expect(listDir(path)).toEqual(['keep']);
  });
});
