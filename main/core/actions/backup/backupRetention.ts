/**
 * Retention: per cluster and kind, keep the newest K ok backups (K from the
 * cluster's schedule settings); older backups lose file and row together,
 * and failed/cancelled rows older than the oldest kept one go with them.
 */
import { rmSync } from 'node:fs';
import type { BackupKind } from '../../../../common/contract/schemas/backups';
import type { CoreContext } from '../../coreContext';
import { backupDomainOf } from './backupDomain';

export function applyRetention(ctx: CoreContext, clusterId: string, kind: BackupKind): number {
  const { repo } = backupDomainOf(ctx);
  const keep = repo.schedule(clusterId).keep;
  const rows = repo.list({ clusterId, kind, limit: 5000 }).filter((r) => r.status !== 'running');
  const ok = rows.filter((r) => r.status === 'ok');
  const oldestKept = ok[keep - 1];
  if (!oldestKept || ok.length <= keep) return 0;
  const doomed = rows.filter((r) => r.startedAt < oldestKept.startedAt || (r.status === 'ok' && ok.indexOf(r) >= keep));
  for (const r of doomed) {
    rmSync(r.path, { force: true });
    repo.remove(r.id);
  }
  if (doomed.length > 0) {
    ctx.activity.record({ action: 'backup.retention', target: `${kind} backups`, clusterId, result: 'ok', detail: `Removed ${doomed.length} backup(s) beyond the newest ${keep}.` });
  }
  return doomed.length;
}
