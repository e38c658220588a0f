/**
 * "Show in folder" for a backup: the file's path comes from its history row
 * (never from the renderer), and the form's revealPath port opens the file
 * manager on it. Without the port, or when it fails, the answer carries the
 * path for the UI to show with a copy button. Not recorded in the activity
 * log: looking at a folder changes nothing.
 */
import { existsSync } from 'node:fs';
import { ApiError } from '../../../../common/contract/errors';
import type { CoreContext } from '../../coreContext';
import { backupDomainOf } from './backupDomain';

export interface RevealAnswer {
  path: string;
  revealed: boolean;
  message: string;
}

export async function revealBackup(ctx: CoreContext, backupId: string): Promise<RevealAnswer> {
  const record = backupDomainOf(ctx).repo.get(backupId);
  if (record.status !== 'ok') {
    throw new ApiError('not_found', `This backup ended ${record.status}, so it has no file to show. Its history row says why.`);
  }
  if (!existsSync(record.path)) {
    throw new ApiError('not_found', `The file of this backup is no longer at ${record.path}; it was moved or deleted outside ClusterDeck. Delete the row, or put the file back and verify it.`);
  }
  const reveal = ctx.ports.revealPath;
  if (!reveal) return { path: record.path, revealed: false, message: 'This form of ClusterDeck cannot open a file manager; copy the path below.' };
  try {
    await reveal(record.path);
    return { path: record.path, revealed: true, message: 'Shown in the file manager.' };
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    ctx.ports.logger.warn('the file manager did not open a backup', { path: record.path, error: why });
    return { path: record.path, revealed: false, message: `The file manager did not open (${why}); copy the path below.` };
  }
}
