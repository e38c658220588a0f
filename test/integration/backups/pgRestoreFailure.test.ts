/**
 * A PostgreSQL restore that fails honestly: the backup is a real, verified
 * pg_dumpall, but the target holds something the dump cannot be replayed
 * over. pg_dumpall writes the `postgres` database's objects without dropping
 * them (only `backend` is dropped by the restore), so a table that exists
 * there on the target makes psql's CREATE TABLE fail. The restore must name
 * that line of the backup with its context, stop there (ON_ERROR_STOP), keep
 * its safety backup, and record the restore as failed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { backupLabForThisFile, psqlOnLab, waitForBackup, waitForRestore } from './backupLab';

const CLASH = 'cd_restore_clash';
/** Sorts after CLASH, so the dump creates it after the failing line. */
const AFTER = 'cd_restore_zz_after';
const dropProbes = () => psqlOnLab(`DROP TABLE IF EXISTS public.${CLASH}; DROP TABLE IF EXISTS public.${AFTER};`, 'postgres');

const lab = backupLabForThisFile();

describe('a PostgreSQL restore that hits an error', () => {
  it('reports the first error with its line and context, stops there, keeps the safety backup and records failed', async () => {
    try {
      dropProbes();
      psqlOnLab(`CREATE TABLE public.${CLASH} (id int); CREATE TABLE public.${AFTER} (id int); INSERT INTO public.${AFTER} VALUES (7);`, 'postgres');
      const { backupId } = await lab.api.startBackup({ clusterId: lab.cluster.id, kind: 'pg', compression: 'none' });
      const made = await waitForBackup(lab.api, backupId);
      expect(made.backup).toMatchObject({ status: 'ok', verified: true });
      expect((await lab.api.verifyBackup({ backupId })).verified).toBe(true);

      // Independent of the code under test: where the dump creates the two tables.
      const lines = readFileSync(made.backup.path, 'utf8').split('\n');
      const clashLine = lines.findIndex((l) => l.startsWith(`CREATE TABLE public.${CLASH} (`)) + 1;
      const afterLine = lines.findIndex((l) => l.startsWith(`CREATE TABLE public.${AFTER} (`)) + 1;
      expect(clashLine).toBeGreaterThan(0);
      // psql names the line where the failing statement ends (its `;`).
      const clashEnd = lines.findIndex((l, i) => i >= clashLine - 1 && l.trimEnd().endsWith(';')) + 1;
      expect(clashEnd - clashLine).toBeLessThanOrEqual(2);
      expect(afterLine).toBeGreaterThan(clashLine);

      // The target keeps CLASH (the dump cannot create it again) and loses AFTER (so we see whether psql went on).
      psqlOnLab(`DROP TABLE public.${AFTER};`, 'postgres');
      const { restoreId } = await lab.api.startRestore({ backupId, confirmName: lab.cluster.name });
      const done = await waitForRestore(lab.api, restoreId);

      expect(done.result).toBe('failed');
      expect(done.differences).toEqual([]);
      expect(done.message).toContain(`psql stopped at the first error on line ${clashEnd} of the backup: relation "${CLASH}" already exists`);
      // The context: the dump's lines up to the failing one, numbered as in the file.
      expect(done.message).toContain(`${clashLine}: CREATE TABLE public.${CLASH} (`);
      expect(done.message).toContain(`${clashEnd}: ${lines[clashEnd - 1] ?? ''}`);
      expect(done.message).toContain('It stopped in the part for database "postgres"');
      // ON_ERROR_STOP: nothing after the failing line ran.
      expect(psqlOnLab(`SELECT to_regclass('public.${AFTER}') IS NULL;`, 'postgres').trim()).toBe('t');

      expect(done.safetyBackupId).toBeTruthy();
      const safety = (await lab.api.listBackups({ clusterId: lab.cluster.id, kind: 'pg' })).find((b) => b.id === done.safetyBackupId);
      expect(safety).toMatchObject({ status: 'ok', verified: true, compression: 'gzip' });
      expect(safety && existsSync(safety.path)).toBe(true);

      const activity = await lab.api.listActivity({ clusterId: lab.cluster.id, limit: 50 });
      const row = activity.find((a) => a.action === 'restore.pg' && a.target === made.backup.path);
      expect(row).toMatchObject({ result: 'failed' });
      expect(row?.detail).toContain(`line ${clashEnd}`);
      // The backup itself stays ok and verified: it was whole, the target was not.
      expect((await lab.api.listBackups({ clusterId: lab.cluster.id, kind: 'pg' })).find((b) => b.id === backupId)).toMatchObject({ status: 'ok', verified: true });
    } finally {
      dropProbes();
    }
  }, 300_000);
});
