import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { backupLabForThisFile, psqlOnLab, waitForBackup, waitForRestore } from './backupLab';

const lab = backupLabForThisFile();

async function backup(kind: 'pg' | 'etcd', compression: 'none' | 'gzip' | 'zstd') {
  const progress: number[] = [];
  const off = lab.api.on('backup.progress', (p) => progress.push(p.bytes));
  const { backupId } = await lab.api.startBackup({ clusterId: lab.cluster.id, kind, compression });
  const end = await waitForBackup(lab.api, backupId);
  off();
  return { ...end, progress };
}

const tableCounts = () => psqlOnLab("SELECT tablename, (xpath('/row/c/text()', query_to_xml(format('SELECT count(*) AS c FROM public.%I', tablename), false, true, '')))[1]::text FROM pg_tables WHERE schemaname = 'public' ORDER BY 1;");

describe('PostgreSQL backups against the lab', () => {
  it('streams a gzip dump to a verified file, records it, and re-verifies it later', async () => {
    const end = await backup('pg', 'gzip');
    expect(end.backup).toMatchObject({ status: 'ok', verified: true, kind: 'pg', compression: 'gzip', nodeName: 'bai-m1' });
    expect(end.progress.length).toBeGreaterThan(0);
    const text = gunzipSync(readFileSync(end.backup.path)).toString('utf8');
    expect(text.trimEnd().endsWith('-- PostgreSQL database cluster dump complete\n--')).toBe(true);
    expect(text).toContain('COPY public.users');
    expect(readdirSync(dirname(end.backup.path)).filter((n) => n.endsWith('.partial'))).toEqual([]);
    const again = await lab.api.verifyBackup({ backupId: end.backup.id });
    expect(again.verified).toBe(true);
    expect((await lab.api.listBackups({ clusterId: lab.cluster.id, kind: 'pg' })).map((b) => b.id)).toContain(end.backup.id);
    expect(lab.logged.join('\n')).not.toContain('develove');
  }, 180_000);

  it('restores a backup after the data changed: every table and row count is back', async () => {
    const before = tableCounts();
    const end = await backup('pg', 'none');
    expect(end.backup.status).toBe('ok');
    let changed = false;
    try {
      psqlOnLab("DELETE FROM public.resource_presets; CREATE TABLE public.cd_backup_probe (x int); INSERT INTO public.cd_backup_probe VALUES (1);");
      changed = true;
      expect(tableCounts()).not.toEqual(before);
      await expect(lab.api.startRestore({ backupId: end.backup.id, confirmName: 'not the name' })).rejects.toMatchObject({ code: 'invalid_input' });
      const { restoreId } = await lab.api.startRestore({ backupId: end.backup.id, confirmName: lab.cluster.name });
      const done = await waitForRestore(lab.api, restoreId);
      expect(done.message).toMatch(/tables/);
      expect(done).toMatchObject({ result: 'ok', differences: [] });
      expect(done.safetyBackupId).toBeTruthy();
      expect(tableCounts()).toEqual(before);
      changed = false;
      const safety = (await lab.api.listBackups({ clusterId: lab.cluster.id })).find((b) => b.id === done.safetyBackupId);
      expect(safety).toMatchObject({ status: 'ok', verified: true });
    } finally {
      if (changed) psqlOnLab('DROP TABLE IF EXISTS public.cd_backup_probe;');
    }
  }, 300_000);

  it('refuses to restore a tampered file: re-verify fails and the restore is refused', async () => {
    const end = await backup('pg', 'none');
    const text = readFileSync(end.backup.path, 'utf8');
    writeFileSync(end.backup.path, text.replace('COPY public.users', 'COPY public.userz'));
    const checked = await lab.api.verifyBackup({ backupId: end.backup.id });
    expect(checked.verified).toBe(false);
    expect(checked.verification).toMatch(/sha256|changed/);
    await expect(lab.api.startRestore({ backupId: end.backup.id, confirmName: lab.cluster.name })).rejects.toMatchObject({ code: 'conflict' });
  }, 180_000);

  it('refuses a truncated compressed dump on re-verify', async () => {
    const end = await backup('pg', 'gzip');
    const bytes = readFileSync(end.backup.path);
    writeFileSync(end.backup.path, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const checked = await lab.api.verifyBackup({ backupId: end.backup.id });
    expect(checked.verified).toBe(false);
    expect(checked.verification).toMatch(/truncated/);
    await expect(lab.api.startRestore({ backupId: end.backup.id, confirmName: lab.cluster.name })).rejects.toMatchObject({ code: 'conflict' });
  }, 180_000);

  it('cancel mid-stream leaves no file and a cancelled row', async () => {
    const { backupId } = await lab.api.startBackup({ clusterId: lab.cluster.id, kind: 'pg', compression: 'gzip' });
    const off = lab.api.on('backup.progress', (p) => {
      if (p.backupId === backupId && p.phase === 'streaming') void lab.api.cancelBackup({ backupId });
    });
    const end = await waitForBackup(lab.api, backupId);
    off();
    expect(end.backup.status).toBe('cancelled');
    expect(end.backup.verified).toBe(false);
    expect(existsSync(end.backup.path)).toBe(false);
    expect(readdirSync(dirname(end.backup.path)).filter((n) => n.endsWith('.partial'))).toEqual([]);
  }, 180_000);

  it('a wrong database password fails clearly and keeps no file', async () => {
    await lab.api.unlockSecrets({ passphrase: 'backup lab passphrase' });
    await lab.api.setSecret({ scope: { clusterId: lab.cluster.id }, kind: 'db-password', value: 'not-the-password' });
    try {
      const end = await backup('pg', 'none');
      expect(end.backup.status).toBe('failed');
      expect(end.message).toMatch(/refused the password/);
      expect(existsSync(end.backup.path)).toBe(false);
      expect(lab.logged.join('\n')).not.toContain('not-the-password');
    } finally {
      await lab.api.forgetSecret({ scope: { clusterId: lab.cluster.id }, kind: 'db-password' });
    }
  }, 180_000);

  it('keeps only the newest K backups per kind', async () => {
    await lab.api.setBackupSchedule({ clusterId: lab.cluster.id, everyHours: null, keep: 2, kinds: ['pg'], compression: 'gzip' });
    await backup('pg', 'gzip');
    const ok = (await lab.api.listBackups({ clusterId: lab.cluster.id, kind: 'pg', status: 'ok' }));
    expect(ok).toHaveLength(2);
    for (const b of ok) expect(existsSync(b.path)).toBe(true);
    const last = await lab.api.lastGoodBackups({});
    expect(last.find((l) => l.kind === 'pg')?.backupId).toBe(ok[0]?.id);
  }, 180_000);
});
