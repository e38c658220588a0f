/**
 * Host keys the operator trusted in ClusterDeck, in the store's known_hosts
 * table (migration v1: one key per host, port and key type). The operator's
 * ~/.ssh/known_hosts is read elsewhere and never written.
 */
import type Database from 'better-sqlite3';
import type { KnownHostEntry } from '../../../common/contract/schemas/ssh';
import { fingerprintOf, type SavedHostKey } from './hostKeyDecision';
import type { HostKeyStore } from './hostKeyStore';

interface Row {
  host: string;
  port: number;
  key_type: string;
  public_key: string;
  fingerprint: string;
  added_at: string;
}

export function createHostKeyRepository(db: () => Database.Database, now: () => Date): HostKeyStore {
  // Host names compare case-insensitively, as OpenSSH does.
  const norm = (host: string) => host.toLowerCase();
  const entry = (r: Row): KnownHostEntry => ({ host: r.host, port: r.port, keyType: r.key_type, fingerprint: r.fingerprint, savedAt: r.added_at });
  return {
    listFor(host, port): SavedHostKey[] {
      const rows = db().prepare('SELECT * FROM known_hosts WHERE host = ? AND port = ? ORDER BY key_type').all(norm(host), port) as Row[];
      return rows.map((r) => ({ keyType: r.key_type, keyBase64: r.public_key, savedAt: r.added_at, source: 'ClusterDeck' }));
    },
    save(host, port, keyType, keyBase64) {
      const row: Row = { host: norm(host), port, key_type: keyType, public_key: keyBase64, fingerprint: fingerprintOf(keyBase64), added_at: now().toISOString() };
      db()
        .prepare(
          `INSERT INTO known_hosts (host, port, key_type, public_key, fingerprint, added_at, source)
           VALUES (@host, @port, @key_type, @public_key, @fingerprint, @added_at, 'ClusterDeck')
           ON CONFLICT (host, port, key_type) DO UPDATE SET public_key = excluded.public_key,
             fingerprint = excluded.fingerprint, added_at = excluded.added_at`,
        )
        .run(row);
      return entry(row);
    },
    forget(host, port) {
      return db().prepare('DELETE FROM known_hosts WHERE host = ? AND port = ?').run(norm(host), port).changes;
    },
    list() {
      return (db().prepare('SELECT * FROM known_hosts ORDER BY host, port, key_type').all() as Row[]).map(entry);
    },
  };
}
