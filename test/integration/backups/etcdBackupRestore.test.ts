import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { etcdOnLab, openBackupLab, waitForBackup, waitForRestore, type BackupLab } from './backupLab';

let lab: BackupLab;
beforeAll(async () => {
  lab = await openBackupLab();
}, 120_000);
afterAll(async () => {
  await lab.core.close();
});

const PROBE = 'config/clusterdeck-backup-probe';
const readAddr = () => etcdOnLab(['get', 'config/redis/addr']).trim();
/** `get` of a missing key prints nothing and exits 1. */
const probeValue = (): string | null => {
  try {
    return etcdOnLab(['get', PROBE]).trim();
  } catch {
    return null;
  }
};

async function etcdBackup() {
  const { backupId } = await lab.api.startBackup({ clusterId: lab.cluster.id, kind: 'etcd', compression: 'none' });
  return waitForBackup(lab.api, backupId);
}

describe('etcd backups against the lab', () => {
  it('saves the tree as JSON, then restores it by merge and by replace all', async () => {
    const addr = readAddr();
    const end = await etcdBackup();
    expect(end.backup).toMatchObject({ status: 'ok', verified: true, kind: 'etcd' });
    const saved = JSON.parse(readFileSync(end.backup.path, 'utf8')) as Record<string, unknown>;
    expect(Object.keys(saved)).toContain('config');
    try {
      etcdOnLab(['put', PROBE, 'added-after-backup']);
      etcdOnLab(['put', 'config/redis/addr', '127.0.0.1:16379']);
      expect(readAddr()).toBe('127.0.0.1:16379');

      const merge = await lab.api.startRestore({ backupId: end.backup.id, confirmName: lab.cluster.name, etcdMode: 'merge' });
      const merged = await waitForRestore(lab.api, merge.restoreId);
      expect(merged).toMatchObject({ result: 'ok', differences: [] });
      expect(readAddr()).toBe(addr);
      expect(probeValue()).toBe('added-after-backup');

      const replace = await lab.api.startRestore({ backupId: end.backup.id, confirmName: lab.cluster.name, etcdMode: 'replace-all' });
      const replaced = await waitForRestore(lab.api, replace.restoreId);
      expect(replaced).toMatchObject({ result: 'ok', differences: [] });
      expect(readAddr()).toBe(addr);
      expect(probeValue()).toBeNull();
    } finally {
      etcdOnLab(['delete', PROBE]);
      if (readAddr() !== addr) etcdOnLab(['put', 'config/redis/addr', addr]);
    }
  }, 300_000);

  it('writes a zstd backup that verifies now and again later', async () => {
    const { backupId } = await lab.api.startBackup({ clusterId: lab.cluster.id, kind: 'etcd', compression: 'zstd' });
    const end = await waitForBackup(lab.api, backupId);
    expect(end.backup).toMatchObject({ status: 'ok', verified: true, compression: 'zstd' });
    expect(end.backup.path.endsWith('.json.zst')).toBe(true);
    expect((await lab.api.verifyBackup({ backupId })).verified).toBe(true);
  }, 120_000);

  it('saves a raw etcd snapshot whose own hash checks out, and does not offer to restore it', async () => {
    const { backupId } = await lab.api.startBackup({ clusterId: lab.cluster.id, kind: 'etcd-snapshot', compression: 'gzip' });
    const end = await waitForBackup(lab.api, backupId);
    expect(end.backup).toMatchObject({ status: 'ok', verified: true, kind: 'etcd-snapshot' });
    expect(end.backup.path.endsWith('.db.gz')).toBe(true);
    expect((await lab.api.verifyBackup({ backupId })).verified).toBe(true);
    await expect(lab.api.startRestore({ backupId, confirmName: lab.cluster.name })).rejects.toMatchObject({ code: 'invalid_input' });
  }, 120_000);

  it('asks which etcd mode before restoring', async () => {
    const end = await etcdBackup();
    await expect(lab.api.startRestore({ backupId: end.backup.id, confirmName: lab.cluster.name })).rejects.toMatchObject({ code: 'invalid_input' });
  }, 120_000);
});
