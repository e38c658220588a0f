/**
 * PostgreSQL backup through ClusterDeck vs OpenSSH on the lab's bai-m1, same
 * run: the app's startBackup (pg_dumpall streamed into a local file, no
 * compression, fsync + rename + verification included) against
 * `ssh bai-m1 docker exec -e PGPASSWORD=… halfstack-db pg_dumpall -U postgres > file`.
 * The lab database is grown first by a throw-away table of BENCH_BACKUP_MB
 * (default 200; 1000 for the 1 GB case) and shrunk again after.
 * Prints medians of 3 rounds, the MB/s ratio (app / ssh: above 1 means the
 * app is faster) and the app's peak RSS growth during a dump. Needs the lab up.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApiClient } from '../common/contract/api';
import { connect } from '../common/rpc/connect';
import { createMemoryTransport } from '../common/rpc/memoryTransport';
import { serve } from '../common/rpc/serve';
import { createCore } from '../main/core/createCore';
import { createPassphraseCipher } from '../main/core/secrets/passphraseCipher';
import { labNode, type LabInfo } from '../test/lab/labInfo';
import { onLab } from './onLab';

const ROUNDS = 3;
const SIZE_MB = Number(process.env.BENCH_BACKUP_MB ?? 200);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

function sshArgs(lab: LabInfo, dir: string): string[] {
  const node = labNode(lab, 'bai-m1');
  return ['-i', lab.users.key.keyPath, '-o', 'BatchMode=yes', '-o', 'IdentitiesOnly=yes', '-o', `UserKnownHostsFile=${join(dir, 'kh')}`, '-o', 'StrictHostKeyChecking=no', '-o', 'LogLevel=ERROR', `${lab.users.key.name}@${node.host}`];
}

/** Runs ssh with stdout into `outFile` (or discarded); stdin from `input`. */
function ssh(args: string[], input: string, outFile?: string, timeoutMs = 30 * 60_000): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn('ssh', args, { stdio: ['pipe', outFile ? 'pipe' : 'ignore', 'pipe'] });
    if (outFile && child.stdout) child.stdout.pipe(createWriteStream(outFile));
    let stderr = '';
    child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
    child.stdin?.end(input);
    const t = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code) => {
      clearTimeout(t);
      if (code === 0) resolve(performance.now() - started);
      else reject(new Error(`ssh exited ${String(code)}: ${stderr.trim().slice(0, 300)}`));
    });
  });
}

const psql = (lab: LabInfo, dir: string, sql: string) =>
  ssh([...sshArgs(lab, dir), 'docker', 'exec', '-i', 'halfstack-db', 'sh', '-c', "'IFS= read -r PGPASSWORD; export PGPASSWORD; exec psql -X -q -U postgres -d backend -v ON_ERROR_STOP=1'"], `${lab.db.password}\n${sql}\n`);

async function appBackup(api: ApiClient, clusterId: string): Promise<{ ms: number; bytes: number; peakRssGrowth: number }> {
  const base = process.memoryUsage().rss;
  let peak = base;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const started = performance.now();
  const { backupId } = await api.startBackup({ clusterId, kind: 'pg', compression: 'none' });
  const end = await new Promise<{ status: string; size: number | null; message: string }>((resolve) => {
    const off = api.on('backup.finished', (e) => {
      if (e.backup.id !== backupId) return;
      off();
      resolve({ status: e.backup.status, size: e.backup.size, message: e.message });
    });
  });
  const ms = performance.now() - started;
  clearInterval(sampler);
  if (end.status !== 'ok') throw new Error(`The app's backup ended ${end.status}: ${end.message}`);
  await api.deleteBackup({ backupId });
  return { ms, bytes: end.size ?? 0, peakRssGrowth: peak - base };
}

export const runBench = (): Promise<void> => onLab(measure);

async function measure(lab: LabInfo): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'cd-bench-backup-'));
  const log = () => undefined;
  const core = createCore({
    form: 'web',
    version: 'bench',
    paths: { dataDir: dir, backupsDir: join(dir, 'backups'), logsDir: join(dir, 'logs'), homeDir: dir },
    secrets: createPassphraseCipher({ dataDir: dir, N: 2 ** 12 }),
    now: () => new Date(),
    logger: { info: log, warn: log, error: log },
    actor: 'bench',
  });
  const { server, client } = createMemoryTransport();
  core.events.attach(serve(core.api, server));
  const api = connect(client);
  api.on('hostkey.prompt', (p) => void api.answerHostKeyPrompt({ promptId: p.promptId, decision: 'trust-once' }));
  try {
    const cluster = await api.importCluster({ json: JSON.stringify(lab.profile) });
    console.log(`growing the lab database by ~${SIZE_MB} MB (table cd_bench_big, dropped after)…`);
    await psql(lab, dir, `DROP TABLE IF EXISTS public.cd_bench_big; CREATE TABLE public.cd_bench_big AS SELECT g, md5(g::text) || repeat('x', 1000) AS pad FROM generate_series(1, ${SIZE_MB * 1000}) g;`);
    const app: { ms: number; bytes: number; peakRssGrowth: number }[] = [];
    const open: number[] = [];
    let sshBytes = 0;
    for (let i = 0; i < ROUNDS; i++) {
      app.push(await appBackup(api, cluster.id));
      const file = join(dir, `ssh-${i}.sql`);
      open.push(await ssh([...sshArgs(lab, dir), 'docker', 'exec', '-e', `PGPASSWORD=${lab.db.password}`, 'halfstack-db', 'pg_dumpall', '-U', 'postgres'], '', file));
      sshBytes = statSync(file).size;
      rmSync(file);
    }
    const appMs = median(app.map((a) => a.ms));
    const sshMs = median(open);
    const appRate = (median(app.map((a) => a.bytes)) / 1e6 / appMs) * 1000;
    const sshRate = (sshBytes / 1e6 / sshMs) * 1000;
    console.log(`dump size: app ${(median(app.map((a) => a.bytes)) / 1e6).toFixed(1)} MB, OpenSSH ${(sshBytes / 1e6).toFixed(1)} MB`);
    console.log(`ClusterDeck: ${appMs.toFixed(0)} ms (${appRate.toFixed(1)} MB/s, includes verification, fsync and rename)`);
    console.log(`OpenSSH:     ${sshMs.toFixed(0)} ms (${sshRate.toFixed(1)} MB/s)`);
    console.log(`throughput ratio app/ssh: ${(appRate / sshRate).toFixed(2)}`);
    console.log(`app peak RSS growth during a dump: ${(Math.max(...app.map((a) => a.peakRssGrowth)) / 1e6).toFixed(1)} MB`);
  } finally {
    await psql(lab, dir, 'DROP TABLE IF EXISTS public.cd_bench_big;').catch((e: unknown) => console.error(`could not drop cd_bench_big: ${String(e)}`));
    await core.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
