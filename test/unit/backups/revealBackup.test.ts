import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { STORE_FILE } from '../../../main/core/store/openStore';
import { connectedCore, rejectionOf, type ConnectedCore } from '../support/connectedCore';
import { tempDir, testPorts } from '../support/testPorts';

let open: ConnectedCore | undefined;
afterEach(async () => {
  await open?.core.close();
  open = undefined;
});

/** A core whose revealPath port records what it was asked to show (or fails, or is absent). */
function start(reveal: 'records' | 'fails' | 'absent') {
  const shown: string[] = [];
  const root = tempDir();
  const ports = testPorts(root, {
    ...(reveal === 'absent'
      ? {}
      : {
          revealPath: (path: string) => {
            shown.push(path);
            return reveal === 'fails' ? Promise.reject(new Error('xdg-open: no method available for opening')) : Promise.resolve();
          },
        }),
  });
  open = connectedCore(ports);
  return { ...open, shown, root };
}

/** A history row as the backup run writes it (the row is the only source of the path). */
function addBackupRow(c: ConnectedCore, clusterId: string, status: 'ok' | 'failed', path: string): string {
  const id = `b-${status}-${Math.random().toString(16).slice(2, 10)}`;
  const db = new Database(join(c.ports.paths.dataDir, STORE_FILE));
  try {
    db.prepare(
      `INSERT INTO backups (id, cluster_id, cluster_name, node_name, kind, path, size, sha256, compression, started_at, finished_at, status, verification)
       VALUES (?, ?, 'Acme', 'bai-m1', 'pg', ?, 5, 'ab', 'none', '2026-03-01T09:00:00.000Z', '2026-03-01T09:01:00.000Z', ?, ?)`,
    ).run(id, clusterId, path, status, status === 'ok' ? 'Verified: test' : 'Not verified: the connection was lost');
  } finally {
    db.close();
  }
  return id;
}

async function withBackupFile(c: ConnectedCore, root: string) {
  const cluster = await c.client.createCluster({ name: 'Acme', ssh: { user: 'ubuntu' } });
  const folder = join(root, 'backups', 'Acme');
  mkdirSync(folder, { recursive: true });
  const path = join(folder, 'pg-20260301T090000Z-12345678.sql');
  writeFileSync(path, 'dump');
  return { cluster, path };
}

describe('show a backup in its folder', () => {
  it('asks the port to show the path from the history row, and says so', async () => {
    const c = start('records');
    const { cluster, path } = await withBackupFile(c, c.root);
    const id = addBackupRow(c, cluster.id, 'ok', path);
    expect(await c.client.revealBackup({ backupId: id })).toEqual({ path, revealed: true, message: 'Shown in the file manager.' });
    expect(c.shown).toEqual([path]);
  });

  it('never takes a path from the caller', async () => {
    const c = start('records');
    const { cluster, path } = await withBackupFile(c, c.root);
    const id = addBackupRow(c, cluster.id, 'ok', path);
    const refused = await rejectionOf(c.client.revealBackup({ backupId: id, path: '/etc' } as unknown as { backupId: string }));
    expect(refused.code).toBe('invalid_input');
    expect(c.shown).toEqual([]);
  });

  it('answers with the path to copy when the port fails or is absent', async () => {
    const failing = start('fails');
    const a = await withBackupFile(failing, failing.root);
    const answer = await failing.client.revealBackup({ backupId: addBackupRow(failing, a.cluster.id, 'ok', a.path) });
    expect(answer).toMatchObject({ path: a.path, revealed: false });
    expect(answer.message).toContain('xdg-open: no method available');
    expect(failing.ports.logger.lines.some((l) => l.level === 'warn' && l.detail?.path === a.path)).toBe(true);
    await failing.core.close();

    const bare = start('absent');
    const b = await withBackupFile(bare, bare.root);
    expect(await bare.client.revealBackup({ backupId: addBackupRow(bare, b.cluster.id, 'ok', b.path) })).toMatchObject({ path: b.path, revealed: false, message: expect.stringMatching(/copy the path/) });
  });

  it('refuses a failed backup, a file gone from disk and an unknown id, without calling the port', async () => {
    const c = start('records');
    const { cluster, path } = await withBackupFile(c, c.root);
    const failed = addBackupRow(c, cluster.id, 'failed', path);
    expect(await rejectionOf(c.client.revealBackup({ backupId: failed }))).toMatchObject({ code: 'not_found', message: expect.stringMatching(/ended failed/) });
    const gone = addBackupRow(c, cluster.id, 'ok', path);
    rmSync(path);
    expect(await rejectionOf(c.client.revealBackup({ backupId: gone }))).toMatchObject({ code: 'not_found', message: expect.stringContaining(path) });
    expect(await rejectionOf(c.client.revealBackup({ backupId: 'no-such-backup' }))).toMatchObject({ code: 'not_found' });
    expect(c.shown).toEqual([]);
  });
});
