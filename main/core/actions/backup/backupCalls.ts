/**
 * The backup calls of the API: PostgreSQL and etcd backups streamed to the
 * laptop, their history, verification and restores. Long work returns an id
 * at once; progress and the end arrive as backup.* / restore.* events.
 */
import { rmSync } from 'node:fs';
import { ApiError } from '../../../../common/contract/errors';
import type { CoreApi } from '../../../../common/contract/api';
import { BACKUP_KINDS, type backupMethods } from '../../../../common/contract/schemas/backups';
import type { CoreContext } from '../../coreContext';
import { startRestore } from '../restore/restoreRun';
import { backupDomainOf } from './backupDomain';
import { clusterBackupFolder } from './backupFolders';
import { applyRetention } from './backupRetention';
import { revealBackup } from './backupReveal';
import { startBackup } from './backupRun';
import { startBackupScheduler } from './backupScheduler';
import { verifyStoredBackup } from './backupVerification';

export function backupCalls(ctx: CoreContext): Pick<CoreApi, keyof typeof backupMethods> {
  const domain = () => backupDomainOf(ctx);
  if (ctx.store.state.status === 'ok') {
    domain();
    startBackupScheduler(ctx);
  }
  return {
    startBackup(input) {
      const { backupId } = startBackup(ctx, { clusterId: input.clusterId, kind: input.kind, compression: input.compression, note: input.note ?? '' });
      return Promise.resolve({ backupId });
    },
    cancelBackup({ backupId }) {
      return Promise.resolve({ cancelled: domain().jobs.cancel(backupId) });
    },
    listBackups(input) {
      return Promise.resolve(domain().repo.list(input));
    },
    async verifyBackup({ backupId }) {
      const { repo } = domain();
      const record = repo.get(backupId);
      const verdict = await verifyStoredBackup(record);
      const updated = repo.recordVerification(backupId, verdict.sentence, ctx.ports.now().toISOString());
      ctx.activity.record({ action: 'backup.verify', target: record.path, clusterId: record.clusterId, nodeId: record.nodeId, result: verdict.ok ? 'ok' : 'failed', detail: verdict.sentence });
      return updated;
    },
    deleteBackup({ backupId }) {
      const { repo, jobs } = domain();
      const record = repo.get(backupId);
      if (record.status === 'running' && jobs.isRunning(backupId)) {
        throw new ApiError('conflict', 'This backup is still running. Cancel it first; a cancelled backup leaves no file, only its history row.');
      }
      let fileRemoved = false;
      try {
        rmSync(record.path, { force: true });
        fileRemoved = true;
      } catch (err) {
        ctx.ports.logger.warn('backup file not removed', { path: record.path, error: err instanceof Error ? err.message : String(err) });
      }
      const deleted = fileRemoved && repo.remove(backupId);
      ctx.activity.record({ action: 'backup.delete', target: record.path, clusterId: record.clusterId, nodeId: record.nodeId, result: deleted ? 'ok' : 'failed', detail: deleted ? '' : 'The file could not be removed; the row was kept.' });
      return Promise.resolve({ deleted, fileRemoved });
    },
    backupFolder({ clusterId }) {
      return Promise.resolve({ path: clusterBackupFolder(ctx.ports.paths.backupsDir, ctx.profiles.getCluster(clusterId)) });
    },
    revealBackup({ backupId }) {
      return revealBackup(ctx, backupId);
    },
    lastGoodBackups() {
      return Promise.resolve(domain().repo.lastGood());
    },
    getBackupSchedule({ clusterId }) {
      ctx.profiles.getCluster(clusterId);
      return Promise.resolve(domain().repo.schedule(clusterId));
    },
    setBackupSchedule(input) {
      const cluster = ctx.profiles.getCluster(input.clusterId);
      const saved = domain().repo.saveSchedule(input);
      for (const kind of BACKUP_KINDS) applyRetention(ctx, cluster.id, kind);
      ctx.activity.record({
        action: 'backup.schedule',
        target: cluster.name,
        clusterId: cluster.id,
        result: 'ok',
        detail: `${saved.everyHours ? `every ${saved.everyHours} h` : 'no schedule'}, keep ${saved.keep}, ${saved.kinds.join('+')}, ${saved.compression}`,
      });
      return Promise.resolve(saved);
    },
    startRestore(input) {
      const { restoreId } = startRestore(ctx, input);
      return Promise.resolve({ restoreId });
    },
  };
}
