/**
 * A core against the lab for the backup tests, plus OpenSSH-side helpers
 * that change and read the lab's PostgreSQL and etcd the way an operator
 * would, independent of the code under test.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApiClient } from '../../../common/contract/api';
import type { EventPayload } from '../../../common/contract/events';
import type { ClusterWithNodes } from '../../../common/contract/schemas/profiles';
import type { Core } from '../../../main/core/createCore';
import { afterAll, beforeAll } from 'vitest';
import { readLabInfo } from '../../lab/labInfo';
import { openLabCore, type LabCoreOptions } from '../support/labCore';

export interface BackupLab {
  core: Core;
  api: ApiClient;
  cluster: ClusterWithNodes;
  logged: string[];
  backupsDir: string;
}

export async function openBackupLab(backupsDir?: string, ports?: LabCoreOptions['ports']): Promise<BackupLab> {
  const { core, api, cluster, logged, backupsDir: dir } = await openLabCore({ name: 'backups', ...(backupsDir ? { backupsDir } : {}), ...(ports ? { ports } : {}) });
  return { core, api, cluster, logged, backupsDir: dir };
}

/**
 * The usual set-up of a backup test file: hold the lab's database (files that
 * change it take turns), open a core, wait for PostgreSQL; closed and released
 * after the file. The returned object is filled in before the first test runs.
 */
export function backupLabForThisFile(ports?: LabCoreOptions['ports']): BackupLab {
  const lab = {} as BackupLab;
  let release: () => void = () => undefined;
  let opened: BackupLab | undefined;
  beforeAll(async () => {
    release = await holdLabDatabase();
    opened = await openBackupLab(undefined, ports);
    Object.assign(lab, opened);
    await whenPostgresUp();
  }, 660_000);
  afterAll(async () => {
    await opened?.core.close();
    release();
  });
  return lab;
}

export function waitForBackup(api: ApiClient, backupId: string): Promise<EventPayload<'backup.finished'>> {
  return new Promise((resolve) => {
    const off = api.on('backup.finished', (e) => {
      if (e.backup.id !== backupId) return;
      off();
      resolve(e);
    });
  });
}

export function waitForRestore(api: ApiClient, restoreId: string): Promise<EventPayload<'restore.finished'>> {
  return new Promise((resolve) => {
    const off = api.on('restore.finished', (e) => {
      if (e.restoreId !== restoreId) return;
      off();
      resolve(e);
    });
  });
}

const M1 = '192.0.2.11';

/** OpenSSH to bai-m1 as the lab's key user, for the test's own checks. */
export function sshM1(argv: string[], input?: string): string {
  const key = readLabInfo().users.key.keyPath;
  return execFileSync(
    'ssh',
    ['-i', key, '-o', 'StrictHostKeyChecking=no', '-o', 'UserKnownHostsFile=/dev/null', '-o', 'LogLevel=ERROR', '-o', 'BatchMode=yes', `cdlab@${M1}`, ...argv],
    { input: input ?? '', encoding: 'utf8', timeout: 120_000, maxBuffer: 64 * 1024 * 1024 },
  );
}

/** SQL run by psql in the lab's halfstack-db, password on stdin (as the app does). */
export function psqlOnLab(sql: string, database = 'backend'): string {
  const script = "'IFS= read -r PGPASSWORD; export PGPASSWORD; exec psql -X -q -A -t -U postgres -d " + database + " -v ON_ERROR_STOP=1'";
  return sshM1(['docker', 'exec', '-i', 'halfstack-db', 'sh', '-c', script], `develove\n${sql}\n`);
}

/** Retries while another engineer's test has PostgreSQL briefly down. */
export async function whenPostgresUp(tries = 20): Promise<void> {
  for (let i = 0; i < tries; i++) {
    try {
      psqlOnLab('SELECT 1;');
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 3000));
    }
  }
  throw new Error('PostgreSQL on bai-m1 stayed down for a minute');
}

export function etcdOnLab(args: string[], input?: string): string {
  const managerDir = readLabInfo().managerDir;
  return sshM1(['cd', managerDir, '&&', 'backend.ai', 'mgr', 'etcd', ...args], input);
}

const DB_LOCK = join(tmpdir(), 'cd-backups-lab-db.lock');

/**
 * Test files run in parallel, and a restore drops the lab's `backend`
 * database: files that change or restore it hold this lock (a folder, made
 * atomically) for their whole run. A lock older than 15 minutes is stale.
 */
export async function holdLabDatabase(timeoutMs = 10 * 60_000): Promise<() => void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    try {
      mkdirSync(DB_LOCK);
      return () => rmSync(DB_LOCK, { recursive: true, force: true });
    } catch {
      try {
        if (Date.now() - statSync(DB_LOCK).mtimeMs > 15 * 60_000) rmSync(DB_LOCK, { recursive: true, force: true });
      } catch {
        /* released meanwhile */
      }
      if (Date.now() > end) throw new Error(`Another backup test held ${DB_LOCK} for too long.`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}
