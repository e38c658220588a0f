/**
 * A restore from start to end: refuse unless the backup re-verifies now and
 * the operator typed the cluster's name; take a fresh safety backup of the
 * same kind; then run the kind's restore (pgRestore / etcdRestore) and
 * report what differs afterwards. Exactly one activity row and one
 * `restore.finished` event per restore.
 */
import { randomUUID } from 'node:crypto';
import { ApiError, toApiError } from '../../../../common/contract/errors';
import type { BackupKind, BackupRecord, EtcdRestoreMode } from '../../../../common/contract/schemas/backups';
import type { ClusterWithNodes } from '../../../../common/contract/schemas/profiles';
import type { CoreContext } from '../../coreContext';
import { backupDomainOf } from '../backup/backupDomain';
import { KIND_LABEL, startBackup } from '../backup/backupRun';
import { verifyStoredBackup } from '../backup/backupVerification';
import { restoreEtcd } from './etcdRestore';
import { restorePostgres } from './pgRestore';

export interface RestoreStep {
  ctx: CoreContext;
  record: BackupRecord;
  cluster: ClusterWithNodes;
  signal: AbortSignal;
  progress: (phase: 'uploading' | 'restoring' | 'checking', bytes: number, totalBytes: number) => void;
}

export interface RestoreOutcome {
  message: string;
  differences: string[];
}

export interface RestoreRequest {
  backupId: string;
  confirmName: string;
  etcdMode?: EtcdRestoreMode | undefined;
}

export interface StartedRestore {
  restoreId: string;
  done: Promise<{ result: 'ok' | 'failed' | 'cancelled'; message: string; differences: string[]; safetyBackupId: string | null }>;
}

export function startRestore(ctx: CoreContext, req: RestoreRequest): StartedRestore {
  const { repo, jobs } = backupDomainOf(ctx);
  const record = repo.get(req.backupId);
  if (!record.clusterId) throw new ApiError('not_found', `The cluster "${record.clusterName}" of this backup was deleted; restore it by hand from ${record.path}.`);
  const cluster = ctx.profiles.getCluster(record.clusterId);
  if (req.confirmName.trim() !== cluster.name) {
    throw new ApiError('invalid_input', `Type the cluster's name "${cluster.name}" exactly to confirm the restore.`, { confirmName: 'Does not match the cluster name.' });
  }
  if (record.kind === 'etcd-snapshot') {
    throw new ApiError('invalid_input', `A raw etcd snapshot is restored with etcd stopped (etcdutl snapshot restore ${record.path} into a new data dir). ClusterDeck restores the JSON etcd backups; use one of those.`);
  }
  if (!record.verified) throw new ApiError('conflict', `This backup is not verified (${record.verification || record.status}). Only a verified backup can be restored.`);
  if (record.kind === 'etcd' && !req.etcdMode) throw new ApiError('invalid_input', 'Choose "replace all" or "merge" for an etcd restore.', { etcdMode: 'Required for etcd.' });
  const restoreId = randomUUID();
  const done = jobs.start(
    restoreId,
    `restore/${cluster.id}`,
    'A restore',
    (signal) => runRestore(ctx, restoreId, record, cluster, req.etcdMode ?? 'merge', signal),
    (end) => ctx.events.emit('restore.finished', { restoreId, clusterId: cluster.id, kind: record.kind, ...end }),
  );
  done.catch((err: unknown) => ctx.ports.logger.error('restore job ended unexpectedly', { restoreId, error: err instanceof Error ? err.message : String(err) }));
  return { restoreId, done };
}

type RestoreEnd = Awaited<StartedRestore['done']>;

async function runRestore(ctx: CoreContext, restoreId: string, record: BackupRecord, cluster: ClusterWithNodes, etcdMode: EtcdRestoreMode, signal: AbortSignal): Promise<RestoreEnd> {
  const t0 = performance.now();
  const kind: BackupKind = record.kind;
  const emit = (phase: 'safety-backup' | 'uploading' | 'restoring' | 'checking' | 'done', bytes = 0, totalBytes = 0) =>
    ctx.events.emit('restore.progress', { restoreId, clusterId: cluster.id, kind, phase, bytes, totalBytes, elapsedMs: Math.round(performance.now() - t0) });
  let safetyBackupId: string | null = null;
  const what = `${KIND_LABEL[kind]} restore of ${cluster.name} from ${record.path}`;
  try {
    const again = await verifyStoredBackup(record);
    if (!again.ok) {
      backupDomainOf(ctx).repo.recordVerification(record.id, again.sentence, ctx.ports.now().toISOString());
      throw new ApiError('conflict', `The backup no longer verifies, so it was not restored. ${again.sentence}`);
    }
    emit('safety-backup');
    const safety = startBackup(ctx, { clusterId: cluster.id, kind, compression: 'gzip', note: `Safety backup before restoring ${record.id.slice(0, 8)}` });
    safetyBackupId = safety.backupId;
    const onAbort = () => backupDomainOf(ctx).jobs.cancel(safety.backupId);
    signal.addEventListener('abort', onAbort, { once: true });
    const safe = await safety.done;
    signal.removeEventListener('abort', onAbort);
    if (signal.aborted) throw new ApiError('cancelled', 'cancelled');
    if (safe.record.status !== 'ok') throw new ApiError('remote_failed', `The safety backup failed, so nothing was restored: ${safe.message}`);
    const step: RestoreStep = { ctx, record, cluster, signal, progress: (phase, bytes, total) => emit(phase, bytes, total) };
    const outcome = kind === 'pg' ? await restorePostgres(step) : await restoreEtcd(step, etcdMode);
    emit('done');
    const result: RestoreEnd['result'] = outcome.differences.length === 0 ? 'ok' : 'failed';
    const message = outcome.differences.length === 0 ? outcome.message : `${outcome.message} But afterwards it differs from the backup: ${outcome.differences.slice(0, 5).join('; ')}.`;
    ctx.activity.record({ action: `restore.${kind}`, target: record.path, clusterId: cluster.id, nodeId: record.nodeId, result, detail: message });
    return { result, message, differences: outcome.differences, safetyBackupId };
  } catch (err) {
    const cancelled = signal.aborted;
    if (!(err instanceof ApiError)) ctx.ports.logger.error('restore failed unexpectedly', { restoreId, error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
    const message = cancelled ? `The ${what} was cancelled.${safetyBackupId ? ' The safety backup taken first can undo any part that ran.' : ''}` : toApiError(err).message;
    const result = cancelled ? ('cancelled' as const) : ('failed' as const);
    ctx.activity.record({ action: `restore.${kind}`, target: record.path, clusterId: cluster.id, nodeId: record.nodeId, result, detail: message });
    return { result, message, differences: [], safetyBackupId };
  }
}
