/**
 * A zstd-compressed PostgreSQL backup against the lab: the file is real zstd
 * (the zstd CLI reads it back to the same dump the app saw), it re-verifies,
 * and restoring it after the data changed brings every table and row count back.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { backupLabForThisFile, psqlOnLab, waitForBackup, waitForRestore } from './backupLab';

const ZSTD_MAGIC = Buffer.from([0x28, 0xb5, 0x2f, 0xfd]);
const tableCounts = () => psqlOnLab("SELECT tablename, (xpath('/row/c/text()', query_to_xml(format('SELECT count(*) AS c FROM public.%I', tablename), false, true, '')))[1]::text FROM pg_tables WHERE schemaname = 'public' ORDER BY 1;");

const lab = backupLabForThisFile();

describe('zstd PostgreSQL backups against the lab', () => {
  it('writes a real .zst, re-verifies it, and restores it table by table', async () => {
    const before = tableCounts();
    expect(before.split('\n').filter(Boolean).length).toBeGreaterThan(3);
    const { backupId } = await lab.api.startBackup({ clusterId: lab.cluster.id, kind: 'pg', compression: 'zstd' });
    const made = await waitForBackup(lab.api, backupId);
    expect(made.backup).toMatchObject({ status: 'ok', verified: true, compression: 'zstd' });
    expect(made.backup.path.endsWith('.sql.zst')).toBe(true);

    // Read back by the zstd CLI, not by the app's reader.
    const bytes = readFileSync(made.backup.path);
    expect(bytes.subarray(0, 4).equals(ZSTD_MAGIC)).toBe(true);
    const text = execFileSync('zstd', ['-dc', '--', made.backup.path], { maxBuffer: 512 * 1024 * 1024 }).toString('utf8');
    expect(text.length).toBeGreaterThan(bytes.length);
    expect(text.trimEnd().endsWith('-- PostgreSQL database cluster dump complete\n--')).toBe(true);
    expect(text).toContain('COPY public.users');

    const again = await lab.api.verifyBackup({ backupId });
    expect(again.verified).toBe(true);
    expect(again.verification).toMatch(/^Verified:.*sha256 matches/);

    let changed = false;
    try {
      psqlOnLab('DELETE FROM public.resource_presets; CREATE TABLE public.cd_zstd_probe (x int); INSERT INTO public.cd_zstd_probe VALUES (1);');
      changed = true;
      expect(tableCounts()).not.toEqual(before);
      const { restoreId } = await lab.api.startRestore({ backupId, confirmName: lab.cluster.name });
      const done = await waitForRestore(lab.api, restoreId);
      expect(done).toMatchObject({ result: 'ok', differences: [] });
      expect(tableCounts()).toEqual(before);
      changed = false;
    } finally {
      if (changed) psqlOnLab('DROP TABLE IF EXISTS public.cd_zstd_probe;');
    }
  }, 300_000);
});
