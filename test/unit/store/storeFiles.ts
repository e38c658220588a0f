/** Building and fingerprinting database files for the store tests. */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { MIGRATIONS } from '../../../main/core/store/migrations';

export const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

export const listDir = (dir: string) => (existsSync(dir) ? readdirSync(dir).sort() : []);

/** A ClusterDeck file at `version`, built with the migrations as they shipped, holding one cluster. */
export function storeAtVersion(path: string, version: number, rows = 0): void {
  const db = new Database(path);
  for (const m of MIGRATIONS.filter((m) => m.version <= version)) db.exec(m.sql);
  db.pragma(`user_version = ${version}`);
  if (version >= 1) {
    db.prepare(`INSERT INTO clusters (id, name, ssh_user, halfstack_dir, compose_project, manager_dir, created_at, updated_at)
      VALUES ('c1', 'Initech', 'lablup', '/home/lablup/halfstack', 'halfstack', '/home/lablup/manager', 't', 't')`).run();
    const ins = db.prepare("INSERT INTO activity (at, actor, action, target, result, detail) VALUES ('t', 'op', 'filler', 'x', 'ok', ?)");
    db.transaction(() => {
      for (let i = 0; i < rows; i++) ins.run('filler row to span many pages '.repeat(4));
    })();
  }
  db.close();
}

/** A valid ClusterDeck file, then bytes in its middle pages overwritten: reading it fails. */
export function storeWithGarbagePages(path: string): void {
  storeAtVersion(path, 1, 3000);
  const bytes = readFileSync(path);
  const pageSize = bytes.readUInt16BE(16);
  const middle = Math.floor(bytes.length / pageSize / 2) * pageSize;
  for (let i = middle; i < middle + pageSize * 2; i++) bytes[i] = (i * 31) & 0xff;
  writeFileSync(path, bytes);
}

/**
 * A file that opens and answers simple reads, with one leaf page of the
 * activity table's index damaged: only SQLite's integrity check walks there and sees it.
 */
export function storeWithDamagedLeaf(path: string): void {
  storeAtVersion(path, 1, 3000);
  const db = new Database(path, { readonly: true });
  const leaf = db.prepare("SELECT pageno FROM dbstat WHERE name = 'activity_cluster_at' AND pagetype = 'leaf' ORDER BY pageno LIMIT 1 OFFSET 2").get() as { pageno: number };
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  db.close();
  const bytes = readFileSync(path);
  bytes[(leaf.pageno - 1) * pageSize] = 0x42; // not a valid b-tree page type
  writeFileSync(path, bytes);
}

export function truncatedStore(path: string): void {
  storeAtVersion(path, 1, 3000);
  truncateSync(path, Math.floor(statSync(path).size / 2));
}

export function tooNewStore(path: string, version: number): void {
  storeAtVersion(path, 1);
  const db = new Database(path);
  db.pragma(`user_version = ${version}`);
  db.close();
}

/** Some other program's SQLite file, dropped where ClusterDeck keeps its own. */
export function foreignDatabase(path: string): void {
  const db = new Database(path);
  db.exec('CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)');
  db.close();
}
