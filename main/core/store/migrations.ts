/**
 * The store's schema history, oldest first. Entry N turns schema version N-1
 * into N; PRAGMA user_version records how far a file has come. Never edit a
 * shipped entry: add a new one, and a fixture of the old version for its test.
 */
import type Database from 'better-sqlite3';

export interface Migration {
  version: number;
  /** What this step adds, for the log and the pre-migration copy's reason. */
  summary: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    summary: 'clusters, nodes, services, credentials, known hosts, activity',
    sql: `
      CREATE TABLE clusters (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        customer TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT '',
        color TEXT NOT NULL DEFAULT '#3b82f6',
        tags TEXT NOT NULL DEFAULT '[]',
        is_production INTEGER NOT NULL DEFAULT 0 CHECK (is_production IN (0, 1)),
        ssh_user TEXT NOT NULL,
        ssh_port INTEGER NOT NULL DEFAULT 22,
        ssh_auth_method TEXT NOT NULL DEFAULT 'key',
        ssh_key_path TEXT,
        ssh_jump_hosts TEXT NOT NULL DEFAULT '[]',
        halfstack_dir TEXT NOT NULL,
        compose_project TEXT NOT NULL,
        manager_dir TEXT NOT NULL,
        sudo_mode TEXT NOT NULL DEFAULT 'auto',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      -- NOCASE folds ASCII only; core also compares names lower-cased.
      CREATE UNIQUE INDEX clusters_name ON clusters (name COLLATE NOCASE);

      CREATE TABLE nodes (
        id TEXT PRIMARY KEY,
        cluster_id TEXT NOT NULL REFERENCES clusters (id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        host TEXT NOT NULL,
        port INTEGER,
        ssh_user TEXT,
        ssh_port INTEGER,
        ssh_auth_method TEXT,
        ssh_key_path TEXT,
        -- NULL: use the cluster's chain; '[]': connect directly.
        ssh_jump_hosts TEXT,
        roles TEXT NOT NULL DEFAULT '[]',
        position INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE UNIQUE INDEX nodes_name ON nodes (cluster_id, name COLLATE NOCASE);

      CREATE TABLE services (
        id TEXT PRIMARY KEY,
        cluster_id TEXT NOT NULL REFERENCES clusters (id) ON DELETE CASCADE,
        node_id TEXT REFERENCES nodes (id) ON DELETE CASCADE,
        role TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('systemd', 'compose')),
        unit TEXT,
        compose_file TEXT,
        compose_project TEXT,
        container_pattern TEXT,
        enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1))
      );
      CREATE INDEX services_cluster ON services (cluster_id);

      -- Sealed by the SecretCipher port; no plaintext column exists on purpose.
      CREATE TABLE credentials (
        id TEXT PRIMARY KEY,
        cluster_id TEXT NOT NULL REFERENCES clusters (id) ON DELETE CASCADE,
        node_id TEXT REFERENCES nodes (id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        label TEXT NOT NULL DEFAULT '',
        ciphertext BLOB NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX credentials_cluster ON credentials (cluster_id);

      CREATE TABLE known_hosts (
        host TEXT NOT NULL,
        port INTEGER NOT NULL,
        key_type TEXT NOT NULL,
        public_key TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        added_at TEXT NOT NULL,
        source TEXT NOT NULL DEFAULT 'ClusterDeck',
        comment TEXT NOT NULL DEFAULT '',
        UNIQUE (host, port, key_type)
      );

      -- No foreign keys: the audit trail outlives the clusters it names.
      CREATE TABLE activity (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        cluster_id TEXT,
        node_id TEXT,
        target TEXT NOT NULL DEFAULT '',
        result TEXT NOT NULL CHECK (result IN ('ok', 'failed', 'cancelled')),
        detail TEXT NOT NULL DEFAULT ''
      );
      CREATE INDEX activity_cluster_at ON activity (cluster_id, id);
    `,
  },
  {
    version: 2,
    summary: 'backups',
    sql: `
      -- A backup row outlives its cluster (SET NULL + the names kept here):
      -- the file is still on disk and the operator must be able to find it.
      CREATE TABLE backups (
        id TEXT PRIMARY KEY,
        cluster_id TEXT REFERENCES clusters (id) ON DELETE SET NULL,
        cluster_name TEXT NOT NULL,
        node_id TEXT REFERENCES nodes (id) ON DELETE SET NULL,
        node_name TEXT NOT NULL DEFAULT '',
        kind TEXT NOT NULL CHECK (kind IN ('pg', 'etcd', 'etcd-snapshot')),
        path TEXT NOT NULL,
        size INTEGER,
        sha256 TEXT,
        compression TEXT NOT NULL DEFAULT 'none',
        started_at TEXT NOT NULL,
        finished_at TEXT,
        status TEXT NOT NULL CHECK (status IN ('ok', 'failed', 'cancelled', 'running')),
        verification TEXT NOT NULL DEFAULT '',
        verified_at TEXT,
        note TEXT NOT NULL DEFAULT ''
      );
      CREATE INDEX backups_cluster_started ON backups (cluster_id, started_at);
      CREATE INDEX activity_at ON activity (at);
    `,
  },
  {
    version: 3,
    summary: 'service overrides: service id, variant, halfstack dir',
    sql: `
      -- A services row is one override of the catalog (ServiceOverride):
      -- which entry of the role, which install variant, which halfstack dir.
      ALTER TABLE services ADD COLUMN service_id TEXT;
      ALTER TABLE services ADD COLUMN variant TEXT;
      ALTER TABLE services ADD COLUMN halfstack_dir TEXT;
      ALTER TABLE services ADD COLUMN position INTEGER NOT NULL DEFAULT 0;
    `,
  },
  {
    version: 4,
    summary: 'backup schedules per cluster',
    sql: `
      -- One row per cluster that changed the defaults (no schedule, keep 10).
      CREATE TABLE backup_schedules (
        cluster_id TEXT PRIMARY KEY REFERENCES clusters (id) ON DELETE CASCADE,
        every_hours INTEGER,
        keep INTEGER NOT NULL DEFAULT 10,
        kinds TEXT NOT NULL DEFAULT '["pg","etcd"]',
        compression TEXT NOT NULL DEFAULT 'gzip'
      );
    `,
  },
  {
    version: 5,
    summary: 'app settings (terminal font size and scrollback)',
    sql: `
      -- One row per setting group ('terminal', ...): a JSON value that core
      -- checks with the group's schema on every read and write, so a hand-edited
      -- or older row falls back to defaults instead of reaching the UI.
      CREATE TABLE app_settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL CHECK (json_valid(value)),
        updated_at TEXT NOT NULL
      );
    `,
  },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;

export function schemaVersionOf(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Applies every migration above `from` in one transaction: a failure anywhere
 * leaves the file at the version it had, never half-way.
 */
export function runMigrations(db: Database.Database, from: number): Migration[] {
  const pending = MIGRATIONS.filter((m) => m.version > from);
  if (pending.length === 0) return pending;
  db.transaction(() => {
    for (const migration of pending) {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    }
    const broken = db.pragma('foreign_key_check') as unknown[];
    if (broken.length > 0) throw new Error(`the migration left ${broken.length} broken foreign key(s)`);
  })();
  return pending;
}
