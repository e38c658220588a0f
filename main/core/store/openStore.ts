/**
 * Opens <dataDir>/clusterdeck.db: checks it is a ClusterDeck database this
 * build understands, copies it aside before migrating, then turns on WAL and
 * foreign keys. A damaged, foreign or newer file is refused, never changed:
 * the store then stays "degraded" and every call says why.
 */
import { existsSync, openSync, readSync, closeSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ApiError } from '../../../common/contract/errors';
import type { StoreState } from '../../../common/contract/schemas/app';
import type { Logger } from '../ports';
import { LATEST_SCHEMA_VERSION, runMigrations, schemaVersionOf } from './migrations';
import { BACKUPS_OF_STORE_DIR, copyBeforeMigration } from './preMigrationCopy';
import {
  corruptStore,
  foreignStore,
  migrationFailedStore,
  refusalError,
  tooNewStore,
  unreadableStore,
  type StoreRefusal,
} from './storeRefusal';

export const STORE_FILE = 'clusterdeck.db';
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');
/** Another ClusterDeck (desktop and web form) may hold a write lock briefly. */
const BUSY_TIMEOUT_MS = 5000;

export interface Store {
  readonly path: string;
  readonly state: StoreState;
  /** The open database; throws store_corrupt / store_too_new while the file is refused. */
  db(): Database.Database;
  close(): void;
}

export interface OpenStoreOptions {
  dataDir: string;
  now: () => Date;
  logger: Logger;
}

export function openStore({ dataDir, now, logger }: OpenStoreOptions): Store {
  const path = join(dataDir, STORE_FILE);
  const backupsOfStore = join(dataDir, BACKUPS_OF_STORE_DIR);
  const opened = openChecked(path, backupsOfStore, now, logger);
  if ('status' in opened) {
    logger.error('store refused', { path, status: opened.status, message: opened.message });
    return degradedStore(opened);
  }
  const { db, schemaVersion } = opened;
  let closed = false;
  return {
    path,
    state: { status: 'ok', path, schemaVersion },
    db() {
      if (closed) throw new ApiError('internal', 'ClusterDeck is shutting down and has closed its database; this request was not carried out.');
      return db;
    },
    close() {
      if (closed) return;
      closed = true;
      db.close();
    },
  };
}

function degradedStore(refusal: StoreRefusal): Store {
  return {
    path: refusal.path,
    state: refusal,
    db() {
      throw refusalError(refusal);
    },
    close() {},
  };
}

function openChecked(
  path: string,
  backupsOfStore: string,
  now: () => Date,
  logger: Logger,
): { db: Database.Database; schemaVersion: number } | StoreRefusal {
  const headerProblem = checkHeader(path, backupsOfStore);
  if (headerProblem) return headerProblem;

  let db: Database.Database;
  try {
    db = new Database(path);
  } catch (err) {
    return unreadableStore(path, describe(err));
  }
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    // Read-only checks first: nothing below may write until the file is known good.
    const problem = inspect(db, path, backupsOfStore);
    if (typeof problem !== 'number') {
      db.close();
      return problem;
    }
    const from = problem;
    const hasData = from > 0;
    if (from < LATEST_SCHEMA_VERSION && hasData) {
      const copy = copyBeforeMigration(db, path, backupsOfStore, from, now());
      logger.info('store copied before migration', { from, to: LATEST_SCHEMA_VERSION, copy });
    }
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    try {
      const applied = runMigrations(db, from);
      if (applied.length > 0) logger.info('store migrated', { from, to: LATEST_SCHEMA_VERSION, path });
    } catch (err) {
      db.close();
      return migrationFailedStore(path, from, describe(err), backupsOfStore);
    }
    return { db, schemaVersion: schemaVersionOf(db) };
  } catch (err) {
    db.close();
    if (isSqliteCorruption(err)) return corruptStore(path, describe(err), backupsOfStore);
    return unreadableStore(path, describe(err));
  }
}

/** A file that does not start with SQLite's magic is not ours to open (SQLite would treat it as empty-or-error). */
function checkHeader(path: string, backupsOfStore: string): StoreRefusal | undefined {
  if (!existsSync(path)) return undefined;
  try {
    const size = statSync(path).size;
    if (size === 0) return undefined; // an empty file holds nothing to lose: it becomes a new store
    const fd = openSync(path, 'r');
    try {
      const head = Buffer.alloc(SQLITE_HEADER.length);
      const read = readSync(fd, head, 0, head.length, 0);
      if (read < head.length || !head.equals(SQLITE_HEADER)) {
        return corruptStore(path, 'it is not a SQLite database', backupsOfStore);
      }
    } finally {
      closeSync(fd);
    }
  } catch (err) {
    return unreadableStore(path, describe(err));
  }
  return undefined;
}

/** The schema version to migrate from, or why the file is refused. */
function inspect(db: Database.Database, path: string, backupsOfStore: string): number | StoreRefusal {
  const check = db.pragma('quick_check') as { quick_check: string }[];
  const failures = check.map((row) => row.quick_check).filter((line) => line !== 'ok');
  if (failures.length > 0) {
    const findings = failures.map((f) => f.replace('*** in database main ***', '').replace(/\s+/g, ' ').trim());
    return corruptStore(path, `integrity check: ${findings.slice(0, 2).join('; ')}`, backupsOfStore);
  }
  const version = schemaVersionOf(db);
  if (version > LATEST_SCHEMA_VERSION) return tooNewStore(path, version, LATEST_SCHEMA_VERSION);
  if (version === 0) {
    const objects = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'").get() as { n: number };
    if (objects.n > 0) return foreignStore(path, backupsOfStore);
  }
  return version;
}

function isSqliteCorruption(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB' || (typeof code === 'string' && code.startsWith('SQLITE_CORRUPT'));
}

function describe(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.replace(/\s+/g, ' ').slice(0, 200);
}
