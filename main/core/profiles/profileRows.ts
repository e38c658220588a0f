/**
 * How a cluster and a node sit in their SQLite rows, and back. SSH settings
 * are columns (queryable, e.g. "which nodes use this bastion"); lists (tags,
 * jump hosts, roles) are JSON text that core wrote after validating it.
 */
import type {
  AuthMethod,
  Cluster,
  ClusterFields,
  ClusterNode,
  JumpHost,
  NodeFields,
  Role,
  SudoMode,
} from '../../../common/contract/schemas/profiles';

export interface ClusterRow {
  id: string;
  name: string;
  customer: string;
  notes: string;
  color: string;
  tags: string;
  is_production: number;
  ssh_user: string;
  ssh_port: number;
  ssh_auth_method: string;
  ssh_key_path: string | null;
  ssh_jump_hosts: string;
  halfstack_dir: string;
  compose_project: string;
  manager_dir: string;
  sudo_mode: string;
  created_at: string;
  updated_at: string;
}

export interface NodeRow {
  id: string;
  cluster_id: string;
  name: string;
  host: string;
  port: number | null;
  ssh_user: string | null;
  ssh_port: number | null;
  ssh_auth_method: string | null;
  ssh_key_path: string | null;
  ssh_jump_hosts: string | null;
  roles: string;
  position: number;
  created_at: string;
  updated_at: string;
}

const parseList = <T>(text: string): T[] => {
  const value: unknown = JSON.parse(text);
  return Array.isArray(value) ? (value as T[]) : [];
};

/** Drops undefined so an absent optional stays absent (not `key: undefined`) after a round trip. */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export function clusterFromRow(row: ClusterRow): Cluster {
  return {
    id: row.id,
    name: row.name,
    customer: row.customer,
    notes: row.notes,
    color: row.color,
    tags: parseList<string>(row.tags),
    isProduction: row.is_production === 1,
    ssh: defined({
      user: row.ssh_user,
      port: row.ssh_port,
      authMethod: row.ssh_auth_method as AuthMethod,
      keyPath: row.ssh_key_path ?? undefined,
      jumpHosts: parseList<JumpHost>(row.ssh_jump_hosts),
    }),
    halfstackDir: row.halfstack_dir,
    composeProject: row.compose_project,
    managerDir: row.manager_dir,
    sudoMode: row.sudo_mode as SudoMode,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export type ClusterColumns = Omit<ClusterRow, 'id' | 'created_at' | 'updated_at'>;

export function clusterColumns(fields: ClusterFields): ClusterColumns {
  return {
    name: fields.name,
    customer: fields.customer,
    notes: fields.notes,
    color: fields.color,
    tags: JSON.stringify(fields.tags),
    is_production: fields.isProduction ? 1 : 0,
    ssh_user: fields.ssh.user,
    ssh_port: fields.ssh.port,
    ssh_auth_method: fields.ssh.authMethod,
    ssh_key_path: fields.ssh.keyPath ?? null,
    ssh_jump_hosts: JSON.stringify(fields.ssh.jumpHosts.map((j) => defined(j))),
    halfstack_dir: fields.halfstackDir,
    compose_project: fields.composeProject,
    manager_dir: fields.managerDir,
    sudo_mode: fields.sudoMode,
  };
}

export function nodeFromRow(row: NodeRow): ClusterNode {
  return defined({
    id: row.id,
    clusterId: row.cluster_id,
    name: row.name,
    host: row.host,
    port: row.port ?? undefined,
    ssh: defined({
      user: row.ssh_user ?? undefined,
      port: row.ssh_port ?? undefined,
      authMethod: (row.ssh_auth_method ?? undefined) as AuthMethod | undefined,
      keyPath: row.ssh_key_path ?? undefined,
      jumpHosts: row.ssh_jump_hosts === null ? undefined : parseList<JumpHost>(row.ssh_jump_hosts),
    }),
    roles: parseList<Role>(row.roles),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  });
}

export type NodeColumns = Omit<NodeRow, 'id' | 'cluster_id' | 'position' | 'created_at' | 'updated_at'>;

export function nodeColumns(fields: NodeFields): NodeColumns {
  return {
    name: fields.name,
    host: fields.host,
    port: fields.port ?? null,
    ssh_user: fields.ssh.user ?? null,
    ssh_port: fields.ssh.port ?? null,
    ssh_auth_method: fields.ssh.authMethod ?? null,
    ssh_key_path: fields.ssh.keyPath ?? null,
    ssh_jump_hosts: fields.ssh.jumpHosts === undefined ? null : JSON.stringify(fields.ssh.jumpHosts.map((j) => defined(j))),
    // Each role once, in the order the operator gave.
    roles: JSON.stringify([...new Set(fields.roles)]),
  };
}

/**
 * The editable part of a saved cluster: what export writes and duplicate
 * copies. Listed field by field (not "everything but the ids") so nothing
 * added to a saved cluster later, like its nodes, leaks into a file by accident.
 */
export function clusterFieldsOf(c: Cluster): ClusterFields {
  return {
    name: c.name,
    customer: c.customer,
    notes: c.notes,
    color: c.color,
    tags: c.tags,
    isProduction: c.isProduction,
    ssh: c.ssh,
    halfstackDir: c.halfstackDir,
    composeProject: c.composeProject,
    managerDir: c.managerDir,
    sudoMode: c.sudoMode,
  };
}

export function nodeFieldsOf(n: ClusterNode): NodeFields {
  return defined({ name: n.name, host: n.host, port: n.port, ssh: n.ssh, roles: n.roles });
}
