import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { createCredentialRepository } from '../../../main/core/secrets/credentialRepository';
import { createPassphraseCipher, type PassphraseCipher } from '../../../main/core/secrets/passphraseCipher';
import { createSecretValues } from '../../../main/core/secrets/redaction';
import { runMigrations } from '../../../main/core/store/migrations';

let db: Database.Database;
let cipher: PassphraseCipher;
const now = () => new Date('2026-11-02T10:00:00.000Z');

function repo() {
  return createCredentialRepository({ db: () => db, cipher, now, seen: createSecretValues() });
}

beforeEach(async () => {
  db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  runMigrations(db, 0);
  const at = now().toISOString();
  db.prepare(
    `INSERT INTO clusters (id, name, ssh_user, halfstack_dir, compose_project, manager_dir, created_at, updated_at)
     VALUES ('c1', 'acme', 'op', '/h', 'halfstack', '/m', ?, ?)`,
  ).run(at, at);
  db.prepare(`INSERT INTO nodes (id, cluster_id, name, host, created_at, updated_at) VALUES ('n1', 'c1', 'bai-a01', '10.0.0.5', ?, ?)`).run(at, at);
  cipher = createPassphraseCipher({ dataDir: mkdtempSync(join(tmpdir(), 'cd-cred-')), N: 2 ** 10 });
  await cipher.unlock('correct horse battery');
});

describe('credential repository', () => {
  it('stores only ciphertext and lists without values', () => {
    const r = repo();
    expect(r.set({ clusterId: 'c1' }, 'sudo-password', 'very-secret-pw')).toEqual({
      kind: 'sudo-password',
      scope: { clusterId: 'c1' },
      saved: true,
      updatedAt: '2026-11-02T10:00:00.000Z',
    });
    const raw = db.prepare('SELECT * FROM credentials').all();
    expect(JSON.stringify(raw)).not.toContain('very-secret-pw');
    expect(JSON.stringify(r.list('c1'))).not.toContain('very-secret-pw');
  });

  it("prefers a node's own secret over the cluster's", () => {
    const r = repo();
    r.set({ clusterId: 'c1' }, 'ssh-password', 'cluster-pw');
    expect(r.lookup('ssh-password', { nodeId: 'n1', clusterId: 'c1' })).toBe('cluster-pw');
    r.set({ nodeId: 'n1' }, 'ssh-password', 'node-pw');
    expect(r.lookup('ssh-password', { nodeId: 'n1', clusterId: 'c1' })).toBe('node-pw');
    expect(r.lookup('ssh-password', { clusterId: 'c1' })).toBe('cluster-pw');
  });

  it('replaces rather than duplicates, and forgets', () => {
    const r = repo();
    r.set({ nodeId: 'n1' }, 'sudo-password', 'one');
    r.set({ nodeId: 'n1' }, 'sudo-password', 'two');
    expect(r.list()).toHaveLength(1);
    expect(r.lookup('sudo-password', { nodeId: 'n1', clusterId: 'c1' })).toBe('two');
    expect(r.forget({ nodeId: 'n1' }, 'sudo-password')).toBe(true);
    expect(r.forget({ nodeId: 'n1' }, 'sudo-password')).toBe(false);
    expect(r.lookup('sudo-password', { nodeId: 'n1', clusterId: 'c1' })).toBeUndefined();
  });

  it('says "locked" when a saved secret is needed while the cipher is locked', () => {
    const r = repo();
    r.set({ clusterId: 'c1' }, 'db-password', 'develove');
    cipher.lock();
    expect(() => r.lookup('db-password', { clusterId: 'c1' })).toThrow(expect.objectContaining({ code: 'locked' }));
    expect(r.lookup('ssh-password', { clusterId: 'c1' })).toBeUndefined();
  });

  it('refuses scopes that do not exist', () => {
    expect(() => repo().set({ nodeId: 'nope' }, 'ssh-password', 'x')).toThrow(expect.objectContaining({ code: 'not_found' }));
  });

  it('goes away with its cluster (foreign key cascade)', () => {
    repo().set({ nodeId: 'n1' }, 'ssh-password', 'x');
    db.prepare("DELETE FROM clusters WHERE id = 'c1'").run();
    expect(db.prepare('SELECT count(*) AS n FROM credentials').get()).toEqual({ n: 0 });
  });
});
