import { copyFileSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../main/core/store/migrations';
import { openStore, STORE_FILE, type Store } from '../../../main/core/store/openStore';
import { BACKUPS_OF_STORE_DIR, preMigrationCopyName } from '../../../main/core/store/preMigrationCopy';
import { V1_CONTENT, V1_FIXTURE, writeV1Fixture } from '../../fixtures/store/makeV1Fixture';
import { memoryLogger, tempDir } from '../support/testPorts';
import { listDir, sha256, storeAtVersion } from './storeFiles';

const opened: Store[] = [];
const open = (dataDir: string) => {
  const store = openStore({ dataDir, now: () => new Date('2026-03-01T09:00:00.000Z'), logger: memoryLogger() });
  opened.push(store);
  return store;
};
afterEach(() => {
  for (const s of opened.splice(0)) s.close();
});

const tableNames = (db: Database.Database) =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map(
    (r) => r.name,
  );

describe('opening the store', () => {
  it('creates a new file at the latest schema with WAL, foreign keys and a busy timeout, and copies nothing', () => {
    const dir = tempDir();
    const store = open(dir);
    expect(store.state).toEqual({ status: 'ok', path: join(dir, STORE_FILE), schemaVersion: LATEST_SCHEMA_VERSION });
    const db = store.db();
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBeGreaterThanOrEqual(1000);
    expect(tableNames(db)).toEqual(['activity', 'app_settings', 'backup_schedules', 'backups', 'clusters', 'credentials', 'known_hosts', 'nodes', 'services']);
    expect(listDir(join(dir, BACKUPS_OF_STORE_DIR))).toEqual([]);
  });

  it('treats an empty (0-byte) file as a new store', () => {
    const dir = tempDir();
    writeFileSync(join(dir, STORE_FILE), '');
    expect(open(dir).state).toMatchObject({ status: 'ok', schemaVersion: LATEST_SCHEMA_VERSION });
  });

  it('keeps credentials as ciphertext only: the table has no column that could hold plaintext', () => {
    const db = open(tempDir()).db();
    const columns = (db.prepare('PRAGMA table_info(credentials)').all() as { name: string; type: string }[]).map((c) => `${c.name}:${c.type}`);
    expect(columns).toEqual([
      'id:TEXT', 'cluster_id:TEXT', 'node_id:TEXT', 'kind:TEXT', 'label:TEXT', 'ciphertext:BLOB', 'created_at:TEXT', 'updated_at:TEXT',
    ]);
  });

  it('enforces foreign keys: a node cannot point at a missing cluster', () => {
    const db = open(tempDir()).db();
    expect(() =>
      db.prepare("INSERT INTO nodes (id, cluster_id, name, host, created_at, updated_at) VALUES ('n', 'nope', 'n', 'h', 't', 't')").run(),
    ).toThrow(/FOREIGN KEY/);
  });

  it('reopens a latest-version file without migrating or copying it', () => {
    const dir = tempDir();
    open(dir).close();
    const store = open(dir);
    expect(store.state).toMatchObject({ status: 'ok', schemaVersion: LATEST_SCHEMA_VERSION });
    expect(listDir(join(dir, BACKUPS_OF_STORE_DIR))).toEqual([]);
  });
});

describe('migrating an earlier file', () => {
  it('has one migration per version, numbered 1..latest with no gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(Array.from({ length: LATEST_SCHEMA_VERSION }, (_, i) => i + 1));
  });

  // Every version an operator's file may be at, built the way that version shipped.
  const earlier = Array.from({ length: LATEST_SCHEMA_VERSION - 1 }, (_, i) => i + 1);
  it.each(earlier)('migrates a v%i file to the latest version, keeping its rows, after copying it aside', (version) => {
    const dir = tempDir();
    const path = join(dir, STORE_FILE);
    storeAtVersion(path, version, 20);
    const before = sha256(path);

    const store = open(dir);

    expect(store.state).toMatchObject({ status: 'ok', schemaVersion: LATEST_SCHEMA_VERSION });
    expect(store.db().prepare('SELECT name FROM clusters').all()).toEqual([{ name: 'Initech' }]);
    expect(store.db().prepare('SELECT count(*) AS n FROM activity').get()).toEqual({ n: 20 });
    const copies = listDir(join(dir, BACKUPS_OF_STORE_DIR));
    expect(copies).toEqual([preMigrationCopyName(version, new Date('2026-03-01T09:00:00.000Z'))]);
    expect(sha256(join(dir, BACKUPS_OF_STORE_DIR, copies[0] as string))).toBe(before);
  });

  it('migrates the v1 fixture (a real customer profile) and keeps every row of every table', () => {
    const dir = tempDir();
    const path = join(dir, STORE_FILE);
    copyFileSync(V1_FIXTURE, path);
    const before = sha256(path);

    const db = open(dir).db();

    expect((db.prepare('SELECT name FROM clusters ORDER BY name').all() as { name: string }[]).map((r) => r.name)).toEqual(V1_CONTENT.clusterNames);
    expect((db.prepare('SELECT name FROM nodes ORDER BY name').all() as { name: string }[]).map((r) => r.name).sort()).toEqual(
      [...V1_CONTENT.nodeNames].sort(),
    );
    expect(db.prepare('SELECT ssh_jump_hosts FROM clusters WHERE id = ?').get(V1_CONTENT.clusterIds[0])).toEqual({
      ssh_jump_hosts: '[{"host":"bastion.acme.example","port":2222,"user":"jump"}]',
    });
    expect(db.prepare('SELECT hex(ciphertext) AS hex FROM credentials WHERE id = ?').get(V1_CONTENT.credentialId)).toEqual({
      hex: '00112233445566778899AABBCCDDEEFF',
    });
    expect(db.prepare('SELECT count(*) AS n FROM services').get()).toEqual({ n: 1 });
    expect(db.prepare('SELECT count(*) AS n FROM known_hosts').get()).toEqual({ n: 1 });
    expect(db.prepare('SELECT count(*) AS n FROM activity').get()).toEqual({ n: V1_CONTENT.activityRows });
    expect(db.prepare('SELECT count(*) AS n FROM backups').get()).toEqual({ n: 0 });
    const [copy] = listDir(join(dir, BACKUPS_OF_STORE_DIR));
    expect(copy).toMatch(/^clusterdeck\.db\.v1-20260301T090000Z\.bak$/);
    expect(sha256(join(dir, BACKUPS_OF_STORE_DIR, copy as string))).toBe(before);
    expect(sha256(V1_FIXTURE)).toBe(before); // the committed fixture itself is never opened in place
  });

  it('has a committed v1 fixture that its script reproduces byte for byte (so v1 was not edited after shipping)', () => {
    const again = join(tempDir(), 'v1.db');
    writeV1Fixture(again);
    expect(sha256(again)).toBe(sha256(V1_FIXTURE));
  });

  it('keeps an earlier copy when migrating twice in the same second (no overwrite)', () => {
    const dir = tempDir();
    const path = join(dir, STORE_FILE);
    storeAtVersion(path, 1);
    open(dir).close();
    storeAtVersion(join(dir, 'again.db'), 1);
    copyFileSync(join(dir, 'again.db'), path);
    for (const suffix of ['-wal', '-shm']) if (existsSync(path + suffix)) writeFileSync(path + suffix, '');
    open(dir);
    expect(listDir(join(dir, BACKUPS_OF_STORE_DIR))).toEqual([
      'clusterdeck.db.v1-20260301T090000Z-2.bak',
      'clusterdeck.db.v1-20260301T090000Z.bak',
    ]);
  });

  it('leaves the file at its version when a migration fails half-way, and says where the copy is', () => {
    const dir = tempDir();
    const path = join(dir, STORE_FILE);
    storeAtVersion(path, 1);
    // A table the v2 migration wants to create already exists: its CREATE fails inside the transaction.
    const db = new Database(path);
    db.exec('CREATE TABLE backups (x TEXT)');
    db.close();

    const store = open(dir);

    expect(store.state.status).toBe('unreadable');
    expect(store.state).toMatchObject({ message: expect.stringContaining('could not upgrade') });
    expect(store.state).toMatchObject({ message: expect.stringContaining(join(dir, BACKUPS_OF_STORE_DIR)) });
    const after = new Database(path, { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(1);
    expect(after.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'activity_at'").get()).toEqual({ n: 0 });
    after.close();
  });
});
