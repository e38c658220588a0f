/**
 * The last known status of every node, in memory: sweeps write it, control
 * re-reads update one service in it, and the home screen and a reloaded
 * window read it back without asking the nodes again. Lost on restart on
 * purpose: a status from yesterday is not a status.
 */
import type { NodeStatus, ServiceEntry, ServiceStatus, StatusRollup } from '../../../../common/contract/schemas/services';
import { rollupCluster, rollupNode } from './statusRollup';

export interface StatusBook {
  put(status: NodeStatus): void;
  get(nodeId: string): NodeStatus | undefined;
  /** Replace one service's status in its node's entry; returns the updated node, or undefined if never swept. */
  putService(nodeId: string, status: ServiceStatus, services: readonly ServiceEntry[], checkedAt: string): NodeStatus | undefined;
  /** The swept nodes among nodeIds (in that order) and their rollup. */
  cluster(nodeIds: readonly string[]): { nodes: NodeStatus[]; rollup: StatusRollup };
  forget(nodeId: string): void;
}

export function createStatusBook(): StatusBook {
  const nodes = new Map<string, NodeStatus>();
  return {
    put(status) {
      nodes.set(status.nodeId, status);
    },
    get: (nodeId) => nodes.get(nodeId),
    putService(nodeId, status, services, checkedAt) {
      const old = nodes.get(nodeId);
      if (!old) return undefined;
      const has = old.statuses.some((s) => s.serviceId === status.serviceId);
      const statuses = has ? old.statuses.map((s) => (s.serviceId === status.serviceId ? status : s)) : [...old.statuses, status];
      const updated: NodeStatus = { ...old, statuses, checkedAt, rollup: rollupNode(statuses, services) };
      nodes.set(nodeId, updated);
      return updated;
    },
    cluster(nodeIds) {
      const swept = nodeIds.map((id) => nodes.get(id)).filter((n): n is NodeStatus => n !== undefined);
      return { nodes: swept, rollup: rollupCluster(swept.map((n) => n.rollup)) };
    },
    forget: (nodeId) => void nodes.delete(nodeId),
  };
}
