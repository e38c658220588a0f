/**
 * The sidebar tree as a flat list of visible rows (Cluster > Node > Service),
 * and the WAI-ARIA tree keyboard moves over it. Pure, so the keyboard rules
 * are tested without a browser.
 */
import type { ClusterNode, ClusterWithNodes, Role } from '../../../common/contract/schemas/profiles';
import { servicesOfNode } from './nodeServices';

export type TreeRowKind = 'cluster' | 'node' | 'service';

export interface TreeRow {
  id: string;
  kind: TreeRowKind;
  level: 1 | 2 | 3;
  parentId: string | null;
  hasChildren: boolean;
  clusterId: string;
  nodeId: string | null;
  label: string;
  detail: string;
  /** Service rows: which catalog entry (`agent`, `watcher`...) and its role. */
  serviceId: string | null;
  role: Role | null;
}

/** A service as the tree shows it: from core's resolved catalog once loaded. */
export interface TreeService {
  id: string;
  role: Role;
  label: string;
  runsAs: string;
}

/** Before core's catalog arrives, the roles' default services keep the tree usable. */
function fallbackServices(node: ClusterNode): TreeService[] {
  return servicesOfNode(node.roles).map((s) => ({ id: s.role, role: s.role, label: s.label, runsAs: s.runsAs }));
}

export const clusterRowId = (clusterId: string) => `cluster:${clusterId}`;
export const nodeRowId = (nodeId: string) => `node:${nodeId}`;
export const serviceRowId = (nodeId: string, serviceId: string) => `service:${nodeId}:${serviceId}`;

export function visibleTreeRows(
  clusters: readonly ClusterWithNodes[],
  expanded: ReadonlySet<string>,
  servicesOf: (cluster: ClusterWithNodes, node: ClusterNode) => TreeService[] | undefined = () => undefined,
): TreeRow[] {
  const rows: TreeRow[] = [];
  for (const cluster of clusters) {
    const cId = clusterRowId(cluster.id);
    rows.push({
      id: cId,
      kind: 'cluster',
      level: 1,
      parentId: null,
      hasChildren: cluster.nodes.length > 0,
      clusterId: cluster.id,
      nodeId: null,
      label: cluster.name,
      detail: cluster.customer,
      serviceId: null,
      role: null,
    });
    if (!expanded.has(cId)) continue;
    for (const node of cluster.nodes) {
      const nId = nodeRowId(node.id);
      const services = servicesOf(cluster, node) ?? fallbackServices(node);
      rows.push({
        id: nId,
        kind: 'node',
        level: 2,
        parentId: cId,
        hasChildren: services.length > 0,
        clusterId: cluster.id,
        nodeId: node.id,
        label: node.name,
        detail: node.host,
        serviceId: null,
        role: null,
      });
      if (!expanded.has(nId)) continue;
      for (const service of services) {
        rows.push({
          id: serviceRowId(node.id, service.id),
          kind: 'service',
          level: 3,
          parentId: nId,
          hasChildren: false,
          clusterId: cluster.id,
          nodeId: node.id,
          label: service.label,
          detail: service.runsAs,
          serviceId: service.id,
          role: service.role,
        });
      }
    }
  }
  return rows;
}

export type TreeMove =
  | { type: 'focus'; id: string }
  | { type: 'expand'; id: string }
  | { type: 'collapse'; id: string }
  | { type: 'open'; id: string }
  | { type: 'none' };

/** What a key does on the focused row, per the WAI-ARIA tree view pattern. */
export function treeKeyMove(rows: readonly TreeRow[], focusedId: string | null, key: string, expanded: ReadonlySet<string>): TreeMove {
  if (rows.length === 0) return { type: 'none' };
  const index = rows.findIndex((r) => r.id === focusedId);
  const row = rows[index];
  if (!row) return { type: 'focus', id: rows[0]!.id };
  switch (key) {
    case 'ArrowDown':
      return index + 1 < rows.length ? { type: 'focus', id: rows[index + 1]!.id } : { type: 'none' };
    case 'ArrowUp':
      return index > 0 ? { type: 'focus', id: rows[index - 1]!.id } : { type: 'none' };
    case 'Home':
      return { type: 'focus', id: rows[0]!.id };
    case 'End':
      return { type: 'focus', id: rows[rows.length - 1]!.id };
    case 'ArrowRight':
      if (!row.hasChildren) return { type: 'none' };
      if (!expanded.has(row.id)) return { type: 'expand', id: row.id };
      return rows[index + 1]?.parentId === row.id ? { type: 'focus', id: rows[index + 1]!.id } : { type: 'none' };
    case 'ArrowLeft':
      if (row.hasChildren && expanded.has(row.id)) return { type: 'collapse', id: row.id };
      return row.parentId ? { type: 'focus', id: row.parentId } : { type: 'none' };
    case 'Enter':
    case ' ':
      return { type: 'open', id: row.id };
    default:
      return { type: 'none' };
  }
}
