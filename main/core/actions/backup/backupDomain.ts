/**
 * The backup domain of one core: the history repository, the running jobs
 * and the schedule timer, built once per CoreContext and closed with it.
 * Backup and restore modules reach it through backupDomainOf(ctx).
 */
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { CoreContext } from '../../coreContext';
import { createBackupJobs, type BackupJobs } from './backupJobs';
import { createBackupRepository, type BackupRepository } from './backupRepository';

export interface BackupDomain {
  repo: BackupRepository;
  jobs: BackupJobs;
}

const domains = new WeakMap<CoreContext, BackupDomain>();

/** Temp files a killed app left behind never carry a backup's name; remove them. */
function removeLeftoverPartials(backupsDir: string): void {
  let folders: string[];
  try {
    folders = readdirSync(backupsDir);
  } catch {
    return;
  }
  for (const folder of folders) {
    try {
      for (const name of readdirSync(join(backupsDir, folder))) if (name.endsWith('.partial')) rmSync(join(backupsDir, folder, name), { force: true });
    } catch {
      /* not a folder */
    }
  }
}

export function backupDomainOf(ctx: CoreContext): BackupDomain {
  let domain = domains.get(ctx);
  if (domain) return domain;
  const repo = createBackupRepository(ctx.store);
  const jobs = createBackupJobs();
  domain = { repo, jobs };
  domains.set(ctx, domain);
  if (ctx.store.state.status === 'ok') {
    const abandoned = repo.failAbandoned(ctx.ports.now().toISOString());
    if (abandoned > 0) ctx.ports.logger.warn('backups left running by an earlier run marked failed', { count: abandoned });
    removeLeftoverPartials(ctx.ports.paths.backupsDir);
  }
  ctx.onClose(() => jobs.closeAll());
  return domain;
}
