/**
 * The audit log: who did what to which cluster or node, when, and how it
 * ended. Recording never throws, so a store problem cannot turn a finished
 * action into a failed one; the row is then only in the app log.
 */
import type { ActivityEntry } from '../../../common/contract/schemas/app';
import type { CorePorts } from '../ports';
import type { Store } from '../store/openStore';

export interface ActivityRecord {
  action: string;
  target: string;
  clusterId?: string | null;
  nodeId?: string | null;
  result: ActivityEntry['result'];
  detail?: string;
}

export interface ActivityLog {
  record(entry: ActivityRecord): void;
  list(query: { clusterId?: string | undefined; limit: number }): ActivityEntry[];
}

interface ActivityRow {
  id: number;
  at: string;
  actor: string;
  action: string;
  cluster_id: string | null;
  node_id: string | null;
  target: string;
  result: ActivityEntry['result'];
  detail: string;
}

export function createActivityLog(store: Store, ports: Pick<CorePorts, 'now' | 'actor' | 'logger'>): ActivityLog {
  return {
    record(entry) {
      const row = {
        at: ports.now().toISOString(),
        actor: ports.actor,
        action: entry.action,
        cluster_id: entry.clusterId ?? null,
        node_id: entry.nodeId ?? null,
        target: entry.target,
        result: entry.result,
        detail: entry.detail ?? '',
      };
      try {
        store
          .db()
          .prepare(
            `INSERT INTO activity (at, actor, action, cluster_id, node_id, target, result, detail)
             VALUES (@at, @actor, @action, @cluster_id, @node_id, @target, @result, @detail)`,
          )
          .run(row);
      } catch (err) {
        ports.logger.warn('activity not recorded', { ...row, error: err instanceof Error ? err.message : String(err) });
      }
    },
    list({ clusterId, limit }) {
      const db = store.db();
      const rows = (
        clusterId === undefined
          ? db.prepare('SELECT * FROM activity ORDER BY id DESC LIMIT ?').all(limit)
          : db.prepare('SELECT * FROM activity WHERE cluster_id = ? ORDER BY id DESC LIMIT ?').all(clusterId, limit)
      ) as ActivityRow[];
      return rows.map((r) => ({
        id: r.id,
        at: r.at,
        actor: r.actor,
        action: r.action,
        clusterId: r.cluster_id,
        nodeId: r.node_id,
        target: r.target,
        result: r.result,
        detail: r.detail,
      }));
    },
  };
}
