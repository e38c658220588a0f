/**
 * The backup history in the store's backups table: one row per attempt,
 * written as 'running' before the first byte and settled once at the end,
 * so a crash leaves a row that never claims ok. Also the per-cluster schedule.
 */
import type { BackupCompression, BackupKind, BackupRecord, BackupSchedule, BackupStatus, LastGoodBackup } from '../../../../common/contract/schemas/backups';
import { BackupKind as BackupKindSchema } from '../../../../common/contract/schemas/backups';
import { ApiError } from '../../../../common/contract/errors';
import type { Store } from '../../store/openStore';

interface Row {
  id: string;
  cluster_id: string | null;
  cluster_name: string;
  node_id: string | null;
  node_name: string;
  kind: BackupKind;
  path: string;
  size: number | null;
  sha256: string | null;
  compression: BackupCompression;
  started_at: string;
  finished_at: string | null;
  status: BackupStatus;
  verification: string;
  verified_at: string | null;
  note: string;
}

/** Verification sentences that passed start with this word; anything else failed. */
export const VERIFIED_PREFIX = 'Verified:';

function toRecord(r: Row): BackupRecord {
  return {
    id: r.id,
    clusterId: r.cluster_id,
    clusterName: r.cluster_name,
    nodeId: r.node_id,
    nodeName: r.node_name,
    kind: r.kind,
    path: r.path,
    size: r.size,
    sha256: r.sha256,
    compression: r.compression,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    status: r.status,
    verification: r.verification,
    verifiedAt: r.verified_at,
    verified: r.status === 'ok' && r.verification.startsWith(VERIFIED_PREFIX),
    note: r.note,
  };
}

export interface NewBackup {
  id: string;
  clusterId: string;
  clusterName: string;
  nodeId: string | null;
  nodeName: string;
  kind: BackupKind;
  path: string;
  compression: BackupCompression;
  startedAt: string;
  note: string;
}

export interface BackupEnd {
  status: Exclude<BackupStatus, 'running'>;
  finishedAt: string;
  size: number | null;
  sha256: string | null;
  verification: string;
  verifiedAt: string | null;
  path?: string;
}

export interface BackupFilter {
  clusterId?: string | undefined;
  kind?: BackupKind | undefined;
  status?: BackupStatus | undefined;
  limit?: number | undefined;
}

export type BackupRepository = ReturnType<typeof createBackupRepository>;

export function createBackupRepository(store: Store) {
  const db = () => store.db();
  const get = (id: string): BackupRecord => {
    const row = db().prepare('SELECT * FROM backups WHERE id = ?').get(id) as Row | undefined;
    if (!row) throw new ApiError('not_found', 'That backup is no longer in the history (it was deleted or removed by retention). Refresh the list.');
    return toRecord(row);
  };
  return {
    get,
    insert(b: NewBackup): void {
      db()
        .prepare(
          `INSERT INTO backups (id, cluster_id, cluster_name, node_id, node_name, kind, path, compression, started_at, status, note)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'running', ?)`,
        )
        .run(b.id, b.clusterId, b.clusterName, b.nodeId, b.nodeName, b.kind, b.path, b.compression, b.startedAt, b.note);
    },
    settle(id: string, end: BackupEnd): BackupRecord {
      db()
        .prepare(
          `UPDATE backups SET status = ?, finished_at = ?, size = ?, sha256 = ?, verification = ?, verified_at = ?, path = COALESCE(?, path) WHERE id = ?`,
        )
        .run(end.status, end.finishedAt, end.size, end.sha256, end.verification, end.verifiedAt, end.path ?? null, id);
      return get(id);
    },
    recordVerification(id: string, verification: string, at: string): BackupRecord {
      db().prepare('UPDATE backups SET verification = ?, verified_at = ? WHERE id = ?').run(verification, at, id);
      return get(id);
    },
    list(f: BackupFilter): BackupRecord[] {
      const where: string[] = [];
      const args: (string | number)[] = [];
      const add = (clause: string, value: string | undefined) => {
        if (value === undefined) return;
        where.push(clause);
        args.push(value);
      };
      add('cluster_id = ?', f.clusterId);
      add('kind = ?', f.kind);
      add('status = ?', f.status);
      const sql = `SELECT * FROM backups ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY started_at DESC, rowid DESC LIMIT ?`;
      return (db().prepare(sql).all(...args, f.limit ?? 1000) as Row[]).map(toRecord);
    },
    remove(id: string): boolean {
      return db().prepare('DELETE FROM backups WHERE id = ?').run(id).changes > 0;
    },
    /** Rows left 'running' by a crash or a kill: they never finished, so they failed. */
    failAbandoned(at: string): number {
      return db()
        .prepare(`UPDATE backups SET status = 'failed', finished_at = ?, verification = 'Not verified: ClusterDeck stopped while this backup ran.' WHERE status = 'running'`)
        .run(at).changes;
    },
    lastGood(): LastGoodBackup[] {
      const rows = db()
        .prepare(
          `SELECT cluster_id, kind, MAX(finished_at) AS finished_at, id FROM backups
           WHERE status = 'ok' AND cluster_id IS NOT NULL AND verification LIKE 'Verified:%' GROUP BY cluster_id, kind`,
        )
        .all() as { cluster_id: string; kind: BackupKind; finished_at: string; id: string }[];
      return rows.map((r) => ({ clusterId: r.cluster_id, kind: r.kind, finishedAt: r.finished_at, backupId: r.id }));
    },
    schedule(clusterId: string): BackupSchedule {
      const row = db().prepare('SELECT * FROM backup_schedules WHERE cluster_id = ?').get(clusterId) as
        | { every_hours: number | null; keep: number; kinds: string; compression: BackupCompression }
        | undefined;
      if (!row) return { clusterId, everyHours: null, keep: 10, kinds: ['pg', 'etcd'], compression: 'gzip' };
      const kinds = BackupKindSchema.array().safeParse(JSON.parse(row.kinds));
      return { clusterId, everyHours: row.every_hours, keep: row.keep, kinds: kinds.success && kinds.data.length ? kinds.data : ['pg', 'etcd'], compression: row.compression };
    },
    saveSchedule(s: BackupSchedule): BackupSchedule {
      db()
        .prepare(
          `INSERT INTO backup_schedules (cluster_id, every_hours, keep, kinds, compression) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (cluster_id) DO UPDATE SET every_hours = excluded.every_hours, keep = excluded.keep, kinds = excluded.kinds, compression = excluded.compression`,
        )
        .run(s.clusterId, s.everyHours, s.keep, JSON.stringify(s.kinds), s.compression);
      return s;
    },
    schedules(): BackupSchedule[] {
      const ids = db().prepare('SELECT cluster_id FROM backup_schedules WHERE every_hours IS NOT NULL').all() as { cluster_id: string }[];
      return ids.map((r) => this.schedule(r.cluster_id));
    },
  };
}
