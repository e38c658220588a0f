/**
 * Scheduled backups while the app runs: once a minute, each cluster with a
 * schedule gets a backup of each chosen kind whose newest ok backup is
 * older than its interval (or missing). Missed runs while the app was
 * closed become one backup at the next check, not a burst. The clock and
 * the timer are ports (now, every), so a test can make a schedule fire.
 */
import type { CoreContext } from '../../coreContext';
import { backupDomainOf } from './backupDomain';
import { startBackup } from './backupRun';

const CHECK_EVERY_MS = 60_000;

/** Due when there is no ok backup yet, or the newest started at least `everyHours` ago. */
export function isBackupDue(everyHours: number | null, lastOkStartedAt: string | null, now: number): boolean {
  if (everyHours === null) return false;
  if (lastOkStartedAt === null) return true;
  return now - Date.parse(lastOkStartedAt) >= everyHours * 3_600_000;
}

export function checkSchedules(ctx: CoreContext): string[] {
  const { repo, jobs } = backupDomainOf(ctx);
  const started: string[] = [];
  const now = ctx.ports.now().getTime();
  for (const schedule of repo.schedules()) {
    if (schedule.everyHours === null) continue;
    for (const kind of schedule.kinds) {
      if (jobs.isBusy(`${schedule.clusterId}/${kind}`)) continue;
      const last = repo.list({ clusterId: schedule.clusterId, kind, status: 'ok', limit: 1 })[0];
      if (!isBackupDue(schedule.everyHours, last?.startedAt ?? null, now)) continue;
      try {
        started.push(startBackup(ctx, { clusterId: schedule.clusterId, kind, compression: schedule.compression, note: 'Scheduled backup' }).backupId);
      } catch (err) {
        ctx.ports.logger.warn('scheduled backup not started', { clusterId: schedule.clusterId, kind, error: err instanceof Error ? err.message : String(err) });
      }
    }
  }
  return started;
}

export function startBackupScheduler(ctx: CoreContext): void {
  const check = () => {
    if (ctx.store.state.status === 'ok') checkSchedules(ctx);
  };
  if (ctx.ports.every) {
    ctx.onClose(ctx.ports.every(CHECK_EVERY_MS, check));
    return;
  }
  const timer = setInterval(check, CHECK_EVERY_MS);
  timer.unref();
  ctx.onClose(() => clearInterval(timer));
}
