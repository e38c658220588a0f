/**
 * One backup from start to its settled history row: find where the data
 * lives, stream the node's output into the backup file, check it (exit 0,
 * no errors on stderr, pg_dumpall's trailer or a parsable etcd tree), and
 * only then give the file its name. Cancel, a lost connection, a full disk
 * or a refused password end it failed/cancelled with the temp file removed.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { ApiError, toApiError } from '../../../../common/contract/errors';
import type { BackupCompression, BackupKind, BackupRecord } from '../../../../common/contract/schemas/backups';
import type { ClusterNode, ClusterWithNodes } from '../../../../common/contract/schemas/profiles';
import type { CoreContext } from '../../coreContext';
import { secretsOf } from '../../secrets/secretsDomain';
import { sshEngineOf } from '../../ssh/sshDomain';
import { backupDomainOf } from './backupDomain';
import { isZstdAvailable, localWriteError, openBackupFile, type BackupFileWriter } from './backupFileWriter';
import { backupFileName, clusterBackupFolder } from './backupFolders';
import { VERIFIED_PREFIX } from './backupRepository';
import { applyRetention } from './backupRetention';
import { createTailKeeper, endsWithDumpTrailer } from './dumpTrailer';
import { createSnapshotCheck, etcdSnapshotArgv } from './etcdSnapshot';
import { describeEtcdTree } from './etcdTree';
import { findHalfstackContainer, nodeWithRole } from './halfstackContainer';
import { errorLinesOf, isPasswordRefusal, passwordLine, pgDumpallArgv } from './postgresCommands';

export const ETCD_GET_ARGV = ['backend.ai', 'mgr', 'etcd', 'get', '--prefix', ''];
/** The guide's default (docker-compose.hs.postgres.yaml's POSTGRES_PASSWORD) when none is saved. */
export const DEFAULT_DB_PASSWORD = 'develove';
/** A 1 GB dump over a slow link takes a while; cancel is the way to stop earlier. */
const BACKUP_TIMEOUT_MS = 12 * 60 * 60 * 1000;
const PROGRESS_EVERY_MS = 250;
const STDERR_KEEP = 64 * 1024;

export const KIND_LABEL: Record<BackupKind, string> = { pg: 'PostgreSQL', etcd: 'etcd', 'etcd-snapshot': 'etcd snapshot' };

export interface BackupRequest {
  clusterId: string;
  kind: BackupKind;
  compression: BackupCompression;
  note: string;
}

export interface StartedBackup {
  backupId: string;
  /** Resolves with the settled row (ok, failed or cancelled); never rejects. */
  done: Promise<{ record: BackupRecord; message: string }>;
}

export function dbPasswordOf(ctx: CoreContext, cluster: ClusterWithNodes, node: ClusterNode): string {
  return secretsOf(ctx).credentials.lookup('db-password', { clusterId: cluster.id, nodeId: node.id }) ?? DEFAULT_DB_PASSWORD;
}

export function startBackup(ctx: CoreContext, req: BackupRequest): StartedBackup {
  const { repo, jobs } = backupDomainOf(ctx);
  const cluster = ctx.profiles.getCluster(req.clusterId);
  if (req.compression === 'zstd' && !isZstdAvailable()) {
    throw new ApiError('invalid_input', 'zstd is not installed on this computer, so ClusterDeck cannot write .zst backups. Choose gzip or no compression.');
  }
  const node =
    req.kind === 'pg'
      ? nodeWithRole(cluster, 'postgres', 'PostgreSQL runs')
      : req.kind === 'etcd-snapshot'
        ? nodeWithRole(cluster, 'etcd', 'etcd runs')
        : nodeWithRole(cluster, 'manager', 'the manager (and its etcd CLI) is installed');
  const key = `${cluster.id}/${req.kind}`;
  if (jobs.isBusy(key)) throw new ApiError('conflict', `A ${KIND_LABEL[req.kind]} backup of ${cluster.name} is already running. Wait for it to end or cancel it.`);
  const id = randomUUID();
  const started = ctx.ports.now();
  const path = join(clusterBackupFolder(ctx.ports.paths.backupsDir, cluster), backupFileName(req.kind, req.compression, started, id));
  repo.insert({ id, clusterId: cluster.id, clusterName: cluster.name, nodeId: node.id, nodeName: node.name, kind: req.kind, path, compression: req.compression, startedAt: started.toISOString(), note: req.note });
  const done = jobs.start(
    id,
    key,
    `A ${KIND_LABEL[req.kind]} backup`,
    (signal) => runBackup(ctx, { id, path, cluster, node, ...req }, signal),
    (end) => ctx.events.emit('backup.finished', { backup: end.record, message: end.message }),
  );
  // runBackup settles its own failures; only a store that vanished mid-way (closing) lands here.
  done.catch((err: unknown) => ctx.ports.logger.error('backup job ended without a history row', { backupId: id, error: err instanceof Error ? err.message : String(err) }));
  return { backupId: id, done };
}

interface Run extends BackupRequest {
  id: string;
  path: string;
  cluster: ClusterWithNodes;
  node: ClusterNode;
}

async function runBackup(ctx: CoreContext, run: Run, cancel: AbortSignal): Promise<{ record: BackupRecord; message: string }> {
  const { repo } = backupDomainOf(ctx);
  const t0 = performance.now();
  // Our own abort too: a failed local write must stop the remote command.
  const stop = new AbortController();
  const onCancel = () => stop.abort();
  cancel.addEventListener('abort', onCancel, { once: true });
  let writer: BackupFileWriter | undefined;
  let writeError: ApiError | undefined;
  let lastEmit = 0;
  const progress = (phase: 'connecting' | 'streaming' | 'verifying' | 'done', force = false) => {
    const now = performance.now();
    if (!force && now - lastEmit < PROGRESS_EVERY_MS) return;
    lastEmit = now;
    const elapsedMs = Math.round(now - t0);
    const bytes = writer?.rawBytes ?? 0;
    ctx.events.emit('backup.progress', { backupId: run.id, clusterId: run.cluster.id, kind: run.kind, phase, bytes, bytesPerSecond: elapsedMs > 0 ? Math.round((bytes * 1000) / elapsedMs) : 0, elapsedMs });
  };
  const where = `${run.node.name}`;
  try {
    progress('connecting', true);
    let argv: string[];
    let stdin: string | undefined;
    let cwd: string | undefined;
    let container = '';
    if (run.kind === 'pg') {
      container = (await findHalfstackContainer(ctx, run.cluster, 'postgres', stop.signal)).container;
      argv = pgDumpallArgv(container);
      stdin = passwordLine(dbPasswordOf(ctx, run.cluster, run.node));
    } else if (run.kind === 'etcd-snapshot') {
      container = (await findHalfstackContainer(ctx, run.cluster, 'etcd', stop.signal)).container;
      argv = etcdSnapshotArgv(container);
    } else {
      argv = ETCD_GET_ARGV;
      cwd = run.cluster.managerDir;
    }
    try {
      writer = openBackupFile(run.path, run.compression);
    } catch (err) {
      throw localWriteError(err, run.path);
    }
    const tail = createTailKeeper();
    const snapshot = createSnapshotCheck();
    const etcdParts: Buffer[] = [];
    let stderr = '';
    const result = await sshEngineOf(ctx).exec(run.node.id, argv, {
      timeoutMs: BACKUP_TIMEOUT_MS,
      signal: stop.signal,
      ...(stdin !== undefined ? { stdin } : {}),
      ...(cwd !== undefined ? { cwd } : {}),
      onStdout: (chunk) => {
        if (writeError || !writer) return;
        try {
          writer.write(chunk);
        } catch (err) {
          writeError = localWriteError(err, run.path);
          stop.abort();
          return;
        }
        if (run.kind === 'pg') tail.push(chunk);
        else if (run.kind === 'etcd-snapshot') snapshot.push(chunk);
        else etcdParts.push(chunk);
        progress('streaming');
      },
      onStderr: (chunk) => {
        if (stderr.length < STDERR_KEEP) stderr += chunk.toString('utf8');
      },
    });
    progress('verifying', true);
    const errors = errorLinesOf(stderr);
    if (run.kind === 'pg' && isPasswordRefusal(stderr)) {
      throw new ApiError('auth_failed', `PostgreSQL in ${container} on ${where} refused the password for user postgres. Save the right one as the cluster's database password (db-password secret), then back up again.`);
    }
    if (result.exitCode !== 0) {
      throw new ApiError('remote_failed', `The ${KIND_LABEL[run.kind]} backup command on ${where} failed (exit ${String(result.exitCode ?? result.signal)}): ${(errors[0] ?? stderr.trim().split('\n')[0] ?? '').slice(0, 300)}`);
    }
    // backend.ai logs etcd failures with a traceback and still exits 0 (see the lab's README).
    if (errors.length > 0 || /Traceback \(most recent call last\)/.test(stderr)) {
      throw new ApiError('remote_failed', `The ${KIND_LABEL[run.kind]} backup on ${where} reported an error: ${(errors[0] ?? stderr.trim().split('\n').pop() ?? '').slice(0, 300)}`);
    }
    let verification: string;
    if (run.kind === 'pg') {
      if (!endsWithDumpTrailer(tail.text())) throw new ApiError('remote_failed', `pg_dumpall on ${where} ended without its completion trailer, so the dump is incomplete. Nothing was kept.`);
      verification = `${VERIFIED_PREFIX} exit 0, no errors, pg_dumpall's completion trailer is present`;
    } else if (run.kind === 'etcd-snapshot') {
      const problem = snapshot.problem();
      if (problem) throw new ApiError('remote_failed', `The etcd snapshot from ${where} is not usable: ${problem}. Nothing was kept.`);
      verification = `${VERIFIED_PREFIX} exit 0, no errors, the snapshot's own sha256 matches its content`;
    } else {
      const tree = describeEtcdTree(Buffer.concat(etcdParts).toString('utf8'));
      if (!tree.ok) throw new ApiError('remote_failed', `The etcd backup from ${where} is not usable: ${tree.problem}`);
      verification = `${VERIFIED_PREFIX} exit 0, no errors, the etcd tree parses (${tree.keys} keys)`;
    }
    let file;
    try {
      file = writer.finish();
    } catch (err) {
      throw localWriteError(err, run.path);
    }
    writer = undefined;
    const now = ctx.ports.now().toISOString();
    const record = repo.settle(run.id, { status: 'ok', finishedAt: now, size: file.size, sha256: file.sha256, verification: `${verification}; sha256 ${file.sha256.slice(0, 12)}…`, verifiedAt: now });
    progress('done', true);
    const message = `${KIND_LABEL[run.kind]} backup of ${run.cluster.name} written to ${file.path} (${file.size} bytes).`;
    ctx.activity.record({ action: `backup.${run.kind}`, target: file.path, clusterId: run.cluster.id, nodeId: run.node.id, result: 'ok', detail: message });
    applyRetention(ctx, run.cluster.id, run.kind);
    return { record, message };
  } catch (err) {
    writer?.discard();
    const cancelled = cancel.aborted && !writeError;
    const apiErr = writeError ?? toApiError(err);
    if (!(err instanceof ApiError)) ctx.ports.logger.error('backup failed unexpectedly', { backupId: run.id, error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
    const message = cancelled ? `The ${KIND_LABEL[run.kind]} backup of ${run.cluster.name} was cancelled; no file was kept.` : apiErr.message;
    const status = cancelled ? 'cancelled' : 'failed';
    const record = repo.settle(run.id, { status, finishedAt: ctx.ports.now().toISOString(), size: null, sha256: null, verification: `Not verified: ${message}`, verifiedAt: null });
    ctx.activity.record({ action: `backup.${run.kind}`, target: run.path, clusterId: run.cluster.id, nodeId: run.node.id, result: status, detail: message });
    return { record, message };
  } finally {
    cancel.removeEventListener('abort', onCancel);
  }
}
