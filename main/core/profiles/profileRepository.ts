/**
 * Reads and writes clusters and their nodes. Every write runs in one
 * transaction with its name checks, so two windows racing for one name get
 * one success and one clear conflict. Ids are random UUIDs, times ISO-8601.
 */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { ApiError } from '../../../common/contract/errors';
import type {
  ClusterFields,
  ClusterNode,
  ClusterWithNodes,
  NodeFields,
} from '../../../common/contract/schemas/profiles';
import type { Store } from '../store/openStore';
import { assertClusterNameFree, assertNodeNameFree, type ConflictWording } from './nameConflicts';
import {
  clusterColumns,
  clusterFromRow,
  nodeColumns,
  nodeFromRow,
  type ClusterRow,
  type NodeRow,
} from './profileRows';

export interface ProfileRepository {
  listClusters(): ClusterWithNodes[];
  getCluster(clusterId: string): ClusterWithNodes;
  getNode(nodeId: string): ClusterNode;
  findCluster(clusterId: string): ClusterWithNodes | undefined;
  findNode(nodeId: string): ClusterNode | undefined;
  /** A new cluster with its nodes (create, duplicate, import); `sourceId` copies that cluster's service entries. */
  insertCluster(fields: ClusterFields, nodes: readonly NodeFields[], wording: ConflictWording, sourceId?: string): ClusterWithNodes;
  updateCluster(clusterId: string, fields: ClusterFields, wording: ConflictWording): ClusterWithNodes;
  /** Nodes, service entries and credentials go with it (foreign keys); activity rows stay. */
  deleteCluster(clusterId: string): boolean;
  insertNode(clusterId: string, fields: NodeFields, field: string): ClusterNode;
  updateNode(nodeId: string, fields: NodeFields, field: string): ClusterNode;
  deleteNode(nodeId: string): boolean;
}

const INSERT_CLUSTER = `INSERT INTO clusters (id, name, customer, notes, color, tags, is_production, ssh_user, ssh_port,
  ssh_auth_method, ssh_key_path, ssh_jump_hosts, halfstack_dir, compose_project, manager_dir, sudo_mode, created_at, updated_at)
  VALUES (@id, @name, @customer, @notes, @color, @tags, @is_production, @ssh_user, @ssh_port, @ssh_auth_method,
  @ssh_key_path, @ssh_jump_hosts, @halfstack_dir, @compose_project, @manager_dir, @sudo_mode, @created_at, @updated_at)`;
const UPDATE_CLUSTER = `UPDATE clusters SET name = @name, customer = @customer, notes = @notes, color = @color, tags = @tags,
  is_production = @is_production, ssh_user = @ssh_user, ssh_port = @ssh_port, ssh_auth_method = @ssh_auth_method,
  ssh_key_path = @ssh_key_path, ssh_jump_hosts = @ssh_jump_hosts, halfstack_dir = @halfstack_dir,
  compose_project = @compose_project, manager_dir = @manager_dir, sudo_mode = @sudo_mode, updated_at = @updated_at
  WHERE id = @id`;
const INSERT_NODE = `INSERT INTO nodes (id, cluster_id, name, host, port, ssh_user, ssh_port, ssh_auth_method, ssh_key_path,
  ssh_jump_hosts, roles, position, created_at, updated_at)
  VALUES (@id, @cluster_id, @name, @host, @port, @ssh_user, @ssh_port, @ssh_auth_method, @ssh_key_path,
  @ssh_jump_hosts, @roles, (SELECT coalesce(max(position), 0) + 1 FROM nodes WHERE cluster_id = @cluster_id), @created_at, @updated_at)`;
const UPDATE_NODE = `UPDATE nodes SET name = @name, host = @host, port = @port, ssh_user = @ssh_user, ssh_port = @ssh_port,
  ssh_auth_method = @ssh_auth_method, ssh_key_path = @ssh_key_path, ssh_jump_hosts = @ssh_jump_hosts, roles = @roles,
  updated_at = @updated_at WHERE id = @id`;
const COPY_SERVICES = `INSERT INTO services (id, cluster_id, node_id, role, kind, unit, compose_file, compose_project, container_pattern, enabled,
  service_id, variant, halfstack_dir, position)
  SELECT @new_id, @cluster_id, @node_id, role, kind, unit, compose_file, compose_project, container_pattern, enabled,
  service_id, variant, halfstack_dir, position
  FROM services WHERE id = @old_id`;

export function createProfileRepository(store: Store, now: () => Date): ProfileRepository {
  const db = (): Database.Database => store.db();
  const stamp = () => now().toISOString();

  const nodesOf = (clusterId: string): ClusterNode[] =>
    (db().prepare('SELECT * FROM nodes WHERE cluster_id = ? ORDER BY position, created_at').all(clusterId) as NodeRow[]).map(nodeFromRow);

  const clusterRow = (clusterId: string): ClusterRow => {
    const row = db().prepare('SELECT * FROM clusters WHERE id = ?').get(clusterId) as ClusterRow | undefined;
    if (!row) throw new ApiError('not_found', `There is no cluster with id ${clusterId}; it may have been deleted in another window. Reload the list.`);
    return row;
  };
  const nodeRow = (nodeId: string): NodeRow => {
    const row = db().prepare('SELECT * FROM nodes WHERE id = ?').get(nodeId) as NodeRow | undefined;
    if (!row) throw new ApiError('not_found', `There is no node with id ${nodeId}; it may have been deleted in another window. Reload the list.`);
    return row;
  };
  const withNodes = (row: ClusterRow): ClusterWithNodes => ({ ...clusterFromRow(row), nodes: nodesOf(row.id) });

  function addNodeRow(cluster: { id: string; name: string }, fields: NodeFields, field: string): string {
    assertNodeNameFree(db(), cluster, fields.name, null, field);
    const id = randomUUID();
    const at = stamp();
    db().prepare(INSERT_NODE).run({ id, cluster_id: cluster.id, ...nodeColumns(fields), created_at: at, updated_at: at });
    return id;
  }

  function copyServiceEntries(fromClusterId: string, toClusterId: string, nodeIds: Map<string, string>): void {
    const entries = db().prepare('SELECT id, node_id FROM services WHERE cluster_id = ?').all(fromClusterId) as { id: string; node_id: string | null }[];
    for (const entry of entries) {
      const nodeId = entry.node_id === null ? null : nodeIds.get(entry.node_id);
      if (nodeId === undefined) continue;
      db().prepare(COPY_SERVICES).run({ new_id: randomUUID(), cluster_id: toClusterId, node_id: nodeId, old_id: entry.id });
    }
  }

  return {
    listClusters: () => {
      const rows = db().prepare('SELECT * FROM clusters ORDER BY name COLLATE NOCASE, created_at').all() as ClusterRow[];
      return rows.map(withNodes);
    },
    getCluster: (clusterId) => withNodes(clusterRow(clusterId)),
    getNode: (nodeId) => nodeFromRow(nodeRow(nodeId)),
    findCluster: (clusterId) => {
      const row = db().prepare('SELECT * FROM clusters WHERE id = ?').get(clusterId) as ClusterRow | undefined;
      return row && withNodes(row);
    },
    findNode: (nodeId) => {
      const row = db().prepare('SELECT * FROM nodes WHERE id = ?').get(nodeId) as NodeRow | undefined;
      return row && nodeFromRow(row);
    },

    insertCluster(fields, nodes, wording, sourceId) {
      return db().transaction(() => {
        assertClusterNameFree(db(), fields.name, null, wording);
        const id = randomUUID();
        const at = stamp();
        db().prepare(INSERT_CLUSTER).run({ id, ...clusterColumns(fields), created_at: at, updated_at: at });
        const cluster = { id, name: fields.name };
        const newIds = nodes.map((node, i) => addNodeRow(cluster, node, `nodes.${i}.name`));
        if (sourceId !== undefined) {
          const sourceNodes = nodesOf(sourceId);
          copyServiceEntries(sourceId, id, new Map(sourceNodes.map((n, i) => [n.id, newIds[i] as string])));
        }
        return withNodes(clusterRow(id));
      })();
    },

    updateCluster(clusterId, fields, wording) {
      return db().transaction(() => {
        clusterRow(clusterId);
        assertClusterNameFree(db(), fields.name, clusterId, wording);
        db().prepare(UPDATE_CLUSTER).run({ id: clusterId, ...clusterColumns(fields), updated_at: stamp() });
        return withNodes(clusterRow(clusterId));
      })();
    },

    deleteCluster: (clusterId) => db().prepare('DELETE FROM clusters WHERE id = ?').run(clusterId).changes > 0,

    insertNode(clusterId, fields, field) {
      return db().transaction(() => {
        const cluster = clusterRow(clusterId);
        return nodeFromRow(nodeRow(addNodeRow(cluster, fields, field)));
      })();
    },

    updateNode(nodeId, fields, field) {
      return db().transaction(() => {
        const cluster = clusterRow(nodeRow(nodeId).cluster_id);
        assertNodeNameFree(db(), cluster, fields.name, nodeId, field);
        db().prepare(UPDATE_NODE).run({ id: nodeId, ...nodeColumns(fields), updated_at: stamp() });
        return nodeFromRow(nodeRow(nodeId));
      })();
    },

    deleteNode: (nodeId) => db().prepare('DELETE FROM nodes WHERE id = ?').run(nodeId).changes > 0,
  };
}
