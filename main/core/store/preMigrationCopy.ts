/**
 * The copy of the database file taken before any migration touches it, so a
 * failed or regretted upgrade can be undone by hand. Checkpoint first so the
 * main file holds every committed row; if a reader holds the WAL open the
 * checkpoint cannot finish, and VACUUM INTO still gives a complete copy.
 */
import { constants, copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';

export const BACKUPS_OF_STORE_DIR = 'backups-of-store';

/** clusterdeck.db.v1-20260102T030405Z.bak: the schema version it holds, then when. */
export function preMigrationCopyName(fromVersion: number, at: Date, attempt = 0): string {
  const stamp = at.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  return `clusterdeck.db.v${fromVersion}-${stamp}${attempt > 0 ? `-${attempt + 1}` : ''}.bak`;
}

export function copyBeforeMigration(
  db: Database.Database,
  dbPath: string,
  backupsOfStore: string,
  fromVersion: number,
  at: Date,
): string {
  mkdirSync(backupsOfStore, { recursive: true });
  let attempt = 0;
  let target = join(backupsOfStore, preMigrationCopyName(fromVersion, at));
  while (existsSync(target)) target = join(backupsOfStore, preMigrationCopyName(fromVersion, at, ++attempt));

  const [checkpoint] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
  if (checkpoint && checkpoint.busy === 0) {
    copyFileSync(dbPath, target, constants.COPYFILE_EXCL);
  } else {
    db.prepare('VACUUM INTO ?').run(target);
  }
  return target;
}
