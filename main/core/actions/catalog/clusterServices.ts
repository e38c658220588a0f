/**
 * A cluster's services as they are today: every node's catalog entries for
 * its roles with the cluster's saved overrides merged in (resolveServices),
 * and lookups of one service on one node for control.
 */
import { ApiError } from '../../../../common/contract/errors';
import type { ClusterNode, ClusterWithNodes } from '../../../../common/contract/schemas/profiles';
import type { ClusterServices, ServiceEntry } from '../../../../common/contract/schemas/services';
import { resolveServices } from '../../catalog/resolveServices';
import type { ProfileRepository } from '../../profiles/profileRepository';
import type { ServiceOverrideRepository } from './serviceOverrides';

export interface ClusterServiceBook {
  clusterServices(clusterId: string): ClusterServices;
  nodeServices(cluster: ClusterWithNodes, node: ClusterNode): ServiceEntry[];
  /** The node, its cluster and the named service, or a not_found a person can act on. */
  serviceOnNode(nodeId: string, serviceId: string): { cluster: ClusterWithNodes; node: ClusterNode; service: ServiceEntry };
}

export function createClusterServiceBook(profiles: ProfileRepository, overrides: ServiceOverrideRepository): ClusterServiceBook {
  const nodeServices = (cluster: ClusterWithNodes, node: ClusterNode): ServiceEntry[] =>
    resolveServices({ halfstackDir: cluster.halfstackDir, composeProject: cluster.composeProject }, node, overrides.list(cluster.id));
  return {
    nodeServices,
    clusterServices(clusterId) {
      const cluster = profiles.getCluster(clusterId);
      const saved = overrides.list(clusterId);
      const settings = { halfstackDir: cluster.halfstackDir, composeProject: cluster.composeProject };
      return {
        clusterId,
        nodes: cluster.nodes.map((n) => ({ nodeId: n.id, nodeName: n.name, services: resolveServices(settings, n, saved) })),
        overrides: saved,
      };
    },
    serviceOnNode(nodeId, serviceId) {
      const node = profiles.getNode(nodeId);
      const cluster = profiles.getCluster(node.clusterId);
      const service = nodeServices(cluster, node).find((s) => s.id === serviceId);
      if (!service) {
        throw new ApiError(
          'not_found',
          `${node.name} has no service "${serviceId}" (its roles: ${node.roles.join(', ') || 'none'}). Tick the role in the node settings, or check the service settings of ${cluster.name}.`,
        );
      }
      return { cluster, node, service };
    },
  };
}
