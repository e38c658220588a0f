/**
 * Resolves how to reach one node: cluster SSH defaults + the node's
 * overrides, turned into an ordered list of hops (jump hosts first, the node
 * last). Pure; the pool keys connections by the result, so editing a node's
 * settings gives it a fresh connection.
 */
import type { AuthMethod, Cluster, ClusterNode, SudoMode } from '../../../common/contract/schemas/profiles';

export interface SshHop {
  host: string;
  port: number;
  user: string;
  authMethod: AuthMethod;
  keyPath?: string | undefined;
  /** For messages: the node's name, or "jump host 192.0.2.5". */
  label: string;
  isJump: boolean;
}

export interface NodeTarget {
  nodeId: string;
  nodeName: string;
  clusterId: string;
  sudoMode: SudoMode;
  /** Jump hosts in order from the laptop outwards, then the node itself. */
  hops: SshHop[];
}

type ClusterSsh = Pick<Cluster, 'id' | 'ssh' | 'sudoMode'>;
type NodeSsh = Pick<ClusterNode, 'id' | 'name' | 'host' | 'port' | 'ssh'>;

export function resolveNodeTarget(cluster: ClusterSsh, node: NodeSsh): NodeTarget {
  const user = node.ssh.user ?? cluster.ssh.user;
  const authMethod = node.ssh.authMethod ?? cluster.ssh.authMethod;
  const keyPath = node.ssh.keyPath || cluster.ssh.keyPath || undefined;
  const port = node.ssh.port ?? node.port ?? cluster.ssh.port;
  const jumps = node.ssh.jumpHosts ?? cluster.ssh.jumpHosts;
  const hops: SshHop[] = jumps.map((j) => {
    const jumpAuth = j.authMethod ?? authMethod;
    return {
      host: j.host,
      port: j.port,
      user: j.user ?? user,
      authMethod: jumpAuth,
      // A jump host without its own key uses the node's key only for key auth.
      keyPath: j.keyPath || (jumpAuth === 'key' ? keyPath : undefined),
      label: `jump host ${j.host}`,
      isJump: true,
    };
  });
  hops.push({ host: node.host, port, user, authMethod, keyPath, label: node.name, isJump: false });
  return { nodeId: node.id, nodeName: node.name, clusterId: cluster.id, sudoMode: cluster.sudoMode, hops };
}

/** The pool key: node id + every hop's address, user and auth. */
export function targetKey(target: NodeTarget): string {
  return [target.nodeId, ...target.hops.map((h) => `${h.user}@${h.host}:${h.port}/${h.authMethod}/${h.keyPath ?? ''}`)].join('|');
}

/** "bai-a01 (192.0.2.21:22)" — the way every message names a hop. */
export function hopAddress(hop: Pick<SshHop, 'label' | 'host' | 'port'>): string {
  return hop.label === hop.host ? `${hop.host}:${hop.port}` : `${hop.label} (${hop.host}:${hop.port})`;
}
