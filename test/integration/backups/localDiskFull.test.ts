import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackupLab, waitForBackup, type BackupLab } from './backupLab';

// A 1 MiB tmpfs as the backups folder: the lab's 3 MB dump cannot fit.
const mountPoint = mkdtempSync(join(tmpdir(), 'cd-full-'));
let lab: BackupLab;
beforeAll(async () => {
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', mountPoint]);
  lab = await openBackupLab(mountPoint);
}, 120_000);
afterAll(async () => {
  await lab.core.close();
  execFileSync('umount', [mountPoint]);
  rmSync(mountPoint, { recursive: true, force: true });
});

describe('a full local disk', () => {
  it('fails the backup with a clear message and leaves no partial file', async () => {
    const { backupId } = await lab.api.startBackup({ clusterId: lab.cluster.id, kind: 'pg', compression: 'none' });
    const end = await waitForBackup(lab.api, backupId);
    expect(end.backup.status).toBe('failed');
    expect(end.message).toMatch(/disk .* is full/);
    const folder = readdirSync(mountPoint)[0] ?? '';
    expect(readdirSync(join(mountPoint, folder))).toEqual([]);
    expect((await lab.api.listBackups({ status: 'ok' })).length).toBe(0);
  }, 120_000);
});
