/**
 * Saved credentials in the store's credentials table (ciphertext only, sealed
 * by the SecretCipher port). One secret per kind and scope: a cluster-wide
 * default or a node's own. Values go in and come out only inside main:
 * list() returns what is saved, never a value.
 */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { ApiError } from '../../../common/contract/errors';
import type { SecretInfo, SecretKind, SecretScope } from '../../../common/contract/schemas/ssh';
import type { SecretCipher } from '../ports';
import type { CredentialSource } from './credentialSource';
import type { SecretValues } from './redaction';

interface Row {
  id: string;
  cluster_id: string;
  node_id: string | null;
  kind: SecretKind;
  ciphertext: Buffer;
  updated_at: string;
}

export interface CredentialRepository extends CredentialSource {
  set(scope: SecretScope, kind: SecretKind, value: string): SecretInfo;
  forget(scope: SecretScope, kind: SecretKind): boolean;
  list(clusterId?: string): SecretInfo[];
}

export interface CredentialRepositoryDeps {
  db: () => Database.Database;
  cipher: SecretCipher;
  now: () => Date;
  seen: SecretValues;
}

const lockedError = () =>
  new ApiError('locked', 'Saved secrets are locked. Enter the secrets passphrase (or unlock the OS keychain) to use them.');

export function createCredentialRepository({ db, cipher, now, seen }: CredentialRepositoryDeps): CredentialRepository {
  const scopeOf = (r: Row): SecretScope => (r.node_id ? { nodeId: r.node_id } : { clusterId: r.cluster_id });
  const info = (r: Row): SecretInfo => ({ kind: r.kind, scope: scopeOf(r), saved: true, updatedAt: r.updated_at });

  /** The row's cluster: the scope's own, or the node's (the table needs both for cascade deletes). */
  const placeOf = (scope: SecretScope): { clusterId: string; nodeId: string | null } => {
    if ('clusterId' in scope) {
      const found = db().prepare('SELECT id FROM clusters WHERE id = ?').get(scope.clusterId);
      if (!found) throw new ApiError('not_found', 'That cluster no longer exists.');
      return { clusterId: scope.clusterId, nodeId: null };
    }
    // Read-only peek at the profiles' nodes table: only to learn the node's cluster.
    const node = db().prepare('SELECT cluster_id FROM nodes WHERE id = ?').get(scope.nodeId) as { cluster_id: string } | undefined;
    if (!node) throw new ApiError('not_found', 'That node no longer exists.');
    return { clusterId: node.cluster_id, nodeId: scope.nodeId };
  };

  const rowFor = (kind: SecretKind, scope: SecretScope): Row | undefined =>
    ('nodeId' in scope
      ? db().prepare('SELECT * FROM credentials WHERE kind = ? AND node_id = ?').get(kind, scope.nodeId)
      : db().prepare('SELECT * FROM credentials WHERE kind = ? AND cluster_id = ? AND node_id IS NULL').get(kind, scope.clusterId)) as Row | undefined;

  const open = (row: Row): string => {
    if (!cipher.isAvailable()) throw lockedError();
    let value: string;
    try {
      value = cipher.decrypt(row.ciphertext);
    } catch (err) {
      if (err instanceof ApiError) throw err;
      throw new ApiError('store_corrupt', `A saved ${row.kind} cannot be decrypted (it was saved under another key or damaged). Save it again.`);
    }
    seen.add(value);
    return value;
  };

  const repo: CredentialRepository = {
    set(scope, kind, value) {
      if (!cipher.isAvailable()) throw lockedError();
      const place = placeOf(scope);
      seen.add(value);
      const sealed = cipher.encrypt(value);
      const at = now().toISOString();
      db().transaction(() => {
        const old = rowFor(kind, scope);
        if (old) db().prepare('UPDATE credentials SET ciphertext = ?, updated_at = ? WHERE id = ?').run(sealed, at, old.id);
        else
          db()
            .prepare('INSERT INTO credentials (id, cluster_id, node_id, kind, ciphertext, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
            .run(randomUUID(), place.clusterId, place.nodeId, kind, sealed, at, at);
      })();
      return { kind, scope, saved: true, updatedAt: at };
    },
    forget(scope, kind) {
      const row = rowFor(kind, scope);
      if (!row) return false;
      return db().prepare('DELETE FROM credentials WHERE id = ?').run(row.id).changes > 0;
    },
    list(clusterId) {
      const rows = (clusterId
        ? db().prepare('SELECT * FROM credentials WHERE cluster_id = ? ORDER BY node_id IS NOT NULL, node_id, kind').all(clusterId)
        : db().prepare('SELECT * FROM credentials ORDER BY cluster_id, node_id IS NOT NULL, node_id, kind').all()) as Row[];
      return rows.map(info);
    },
    lookup(kind, where) {
      const own = where.nodeId !== undefined ? rowFor(kind, { nodeId: where.nodeId }) : undefined;
      const row = own ?? rowFor(kind, { clusterId: where.clusterId });
      return row ? open(row) : undefined;
    },
    remember(kind, scope, value) {
      repo.set(scope, kind, value);
    },
  };
  return repo;
}
