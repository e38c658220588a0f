/**
 * The operator's edits of the service catalog for one cluster, kept in the
 * store's services table (one row per ServiceOverride, in the order they
 * were made, so a later edit of the same field wins). Nothing here resolves
 * them; clusterServices.ts does.
 */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { ApiError } from '../../../../common/contract/errors';
import { Role } from '../../../../common/contract/schemas/profiles';
import type { ServiceOverride, StoredOverride } from '../../../../common/contract/schemas/services';
import type { Store } from '../../store/openStore';

interface OverrideRow {
  id: string;
  cluster_id: string;
  node_id: string | null;
  role: string;
  kind: 'systemd' | 'compose';
  unit: string | null;
  compose_file: string | null;
  compose_project: string | null;
  container_pattern: string | null;
  enabled: 0 | 1;
  service_id: string | null;
  variant: string | null;
  halfstack_dir: string | null;
}

export interface ServiceOverrideRepository {
  list(clusterId: string): StoredOverride[];
  /** Adds an override, or replaces `replaceId` in place. */
  save(clusterId: string, override: ServiceOverride, replaceId?: string): StoredOverride;
  remove(clusterId: string, overrideId: string): boolean;
  /** Replaces every override of one node (scan node's "apply"). */
  replaceForNode(clusterId: string, nodeId: string, overrides: readonly ServiceOverride[]): void;
}

function fromRow(row: OverrideRow): StoredOverride | null {
  const role = Role.safeParse(row.role);
  if (!role.success) return null; // a role from a newer ClusterDeck: ignored rather than failing every sweep
  const o: StoredOverride = { id: row.id, role: role.data };
  if (row.service_id) o.serviceId = row.service_id;
  if (row.node_id) o.nodeId = row.node_id;
  if (row.variant) o.variant = row.variant;
  if (row.unit) o.unit = row.unit;
  if (row.compose_file) o.composeFile = row.compose_file;
  if (row.compose_project) o.composeProject = row.compose_project;
  if (row.halfstack_dir) o.halfstackDir = row.halfstack_dir;
  if (row.container_pattern) o.containerPattern = row.container_pattern;
  if (row.enabled === 0) o.disabled = true;
  return o;
}

function toRow(id: string, clusterId: string, o: ServiceOverride): OverrideRow {
  const isCompose = Boolean(o.composeFile ?? o.composeProject ?? o.halfstackDir ?? o.containerPattern);
  return {
    id,
    cluster_id: clusterId,
    node_id: o.nodeId ?? null,
    role: o.role,
    kind: isCompose ? 'compose' : 'systemd',
    unit: o.unit ?? null,
    compose_file: o.composeFile ?? null,
    compose_project: o.composeProject ?? null,
    container_pattern: o.containerPattern ?? null,
    enabled: o.disabled ? 0 : 1,
    service_id: o.serviceId ?? null,
    variant: o.variant ?? null,
    halfstack_dir: o.halfstackDir ?? null,
  };
}

const INSERT = `INSERT INTO services (id, cluster_id, node_id, role, kind, unit, compose_file, compose_project, container_pattern,
  enabled, service_id, variant, halfstack_dir, position)
  VALUES (@id, @cluster_id, @node_id, @role, @kind, @unit, @compose_file, @compose_project, @container_pattern,
  @enabled, @service_id, @variant, @halfstack_dir, (SELECT coalesce(max(position), 0) + 1 FROM services WHERE cluster_id = @cluster_id))`;
const UPDATE = `UPDATE services SET node_id = @node_id, role = @role, kind = @kind, unit = @unit, compose_file = @compose_file,
  compose_project = @compose_project, container_pattern = @container_pattern, enabled = @enabled, service_id = @service_id,
  variant = @variant, halfstack_dir = @halfstack_dir WHERE id = @id AND cluster_id = @cluster_id`;

export function createServiceOverrideRepository(store: Store): ServiceOverrideRepository {
  const db = (): Database.Database => store.db();
  const checkNode = (clusterId: string, nodeId: string | undefined) => {
    if (nodeId === undefined) return;
    const row = db().prepare('SELECT cluster_id FROM nodes WHERE id = ?').get(nodeId) as { cluster_id: string } | undefined;
    if (row?.cluster_id !== clusterId) {
      throw new ApiError('not_found', `Node ${nodeId} is not in this cluster; it may have been deleted. Reload the cluster and try again.`, { 'override.nodeId': 'Not a node of this cluster.' });
    }
  };
  return {
    list(clusterId) {
      const rows = db().prepare('SELECT * FROM services WHERE cluster_id = ? ORDER BY position, rowid').all(clusterId) as OverrideRow[];
      return rows.map(fromRow).filter((o): o is StoredOverride => o !== null);
    },
    save(clusterId, override, replaceId) {
      checkNode(clusterId, override.nodeId);
      if (replaceId !== undefined) {
        const changed = db().prepare(UPDATE).run(toRow(replaceId, clusterId, override)).changes;
        if (changed === 0) throw new ApiError('not_found', `The service setting ${replaceId} no longer exists in this cluster; it may have been reset in another window. Reload and try again.`);
        return { ...override, id: replaceId };
      }
      const id = randomUUID();
      db().prepare(INSERT).run(toRow(id, clusterId, override));
      return { ...override, id };
    },
    remove(clusterId, overrideId) {
      return db().prepare('DELETE FROM services WHERE id = ? AND cluster_id = ?').run(overrideId, clusterId).changes > 0;
    },
    replaceForNode(clusterId, nodeId, overrides) {
      checkNode(clusterId, nodeId);
      db().transaction(() => {
        db().prepare('DELETE FROM services WHERE cluster_id = ? AND node_id = ?').run(clusterId, nodeId);
        for (const o of overrides) db().prepare(INSERT).run(toRow(randomUUID(), clusterId, { ...o, nodeId }));
      })();
    },
  };
}
