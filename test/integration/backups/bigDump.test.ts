import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { holdLabDatabase, openBackupLab, psqlOnLab, waitForBackup, whenPostgresUp, type BackupLab } from './backupLab';

// A throw-away table makes the lab's dump ~100 MB: long enough to interrupt, big enough to show memory stays flat.
const BIG_ROWS = 100_000;
let lab: BackupLab;
let release: () => void = () => undefined;
beforeAll(async () => {
  release = await holdLabDatabase();
  lab = await openBackupLab();
  await whenPostgresUp();
  psqlOnLab(`DROP TABLE IF EXISTS public.cd_backup_big; CREATE TABLE public.cd_backup_big AS SELECT g, md5(g::text) || repeat('x', 1000) AS pad FROM generate_series(1, ${BIG_ROWS}) g;`);
}, 660_000);
afterAll(async () => {
  try {
    psqlOnLab('DROP TABLE IF EXISTS public.cd_backup_big;');
    await lab?.core.close();
  } finally {
    release();
  }
}, 120_000);

/** The pid's parent chain up to the sshd process that serves its login session ("sshd: user@notty"). */
function sessionSshdOf(pid: number): number | null {
  const table = execFileSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' })
    .split('\n')
    .map((l) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(l))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ pid: Number(m[1]), ppid: Number(m[2]), args: m[3] ?? '' }));
  let cur = table.find((p) => p.pid === pid);
  for (let hops = 0; cur && hops < 30; hops++) {
    if (/sshd: \S+@notty/.test(cur.args)) return cur.pid;
    const parent = cur.ppid;
    cur = table.find((p) => p.pid === parent);
  }
  return null;
}

describe('a big dump', () => {
  it('streams ~100 MB with memory bounded well below the dump size', async () => {
    // Connect (and load ssh2's code) before the baseline: the bound is about streaming, not first-connection set-up.
    const m1 = lab.cluster.nodes.find((n) => n.name === 'bai-m1');
    await lab.api.testConnection({ nodeId: m1?.id ?? '' });
    const base = process.memoryUsage().rss;
    let peak = base;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const { backupId } = await lab.api.startBackup({ clusterId: lab.cluster.id, kind: 'pg', compression: 'gzip' });
    const end = await waitForBackup(lab.api, backupId);
    clearInterval(sampler);
    expect(end.backup.status).toBe('ok');
    const raw = BIG_ROWS * 1040;
    expect(peak - base).toBeLessThan(raw / 2);
  }, 300_000);

  it('a connection cut mid-backup ends failed, with no file and nothing ok in the history', async () => {
    const { backupId } = await lab.api.startBackup({ clusterId: lab.cluster.id, kind: 'pg', compression: 'none', note: 'cut' });
    let killed: number | null = null;
    const off = lab.api.on('backup.progress', (p) => {
      if (killed !== null || p.backupId !== backupId || p.phase !== 'streaming') return;
      const dumper = Number(execFileSync('pgrep', ['-n', 'pg_dumpall'], { encoding: 'utf8' }).trim());
      killed = sessionSshdOf(dumper);
      if (killed) process.kill(killed, 'SIGKILL');
    });
    const end = await waitForBackup(lab.api, backupId);
    off();
    expect(killed).not.toBeNull();
    expect(end.backup.status).toBe('failed');
    expect(end.message).toMatch(/connection/i);
    expect(existsSync(end.backup.path)).toBe(false);
    expect(readdirSync(dirname(end.backup.path)).filter((n) => n.endsWith('.partial'))).toEqual([]);
    const rows = await lab.api.listBackups({ clusterId: lab.cluster.id });
    expect(rows.find((r) => r.id === backupId)).toMatchObject({ status: 'failed', verified: false });
  }, 300_000);
});
