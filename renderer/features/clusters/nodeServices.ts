/**
 * Role names and each role's main service as the operators' guide names it,
 * for role pickers and labels. The services a node really runs come from
 * core's catalog (getServices, with the cluster's overrides); this list only
 * stands in for them in the tree until that answer arrives.
 */
import { ROLES, type Role } from '../../../common/contract/schemas/profiles';

export interface NodeService {
  role: Role;
  label: string;
  /** What the operator would type to inspect it: a unit name or a compose file. */
  runsAs: string;
}

const SERVICE_OF_ROLE: Record<Role, Omit<NodeService, 'role'>> = {
  manager: { label: 'Manager', runsAs: 'backendai-manager.service' },
  agent: { label: 'Agent', runsAs: 'backendai-agent.service' },
  webserver: { label: 'Console server', runsAs: 'backendai-console-server.service' },
  'storage-proxy': { label: 'Storage proxy', runsAs: 'backendai-storage-proxy.service' },
  wsproxy: { label: 'WSProxy', runsAs: 'docker-compose.wsproxy-simple.yaml' },
  postgres: { label: 'PostgreSQL', runsAs: 'docker-compose.hs.postgres.yaml' },
  redis: { label: 'Redis', runsAs: 'docker-compose.hs.redis.yaml' },
  etcd: { label: 'etcd', runsAs: 'docker-compose.hs.etcd.yaml' },
};

export function roleLabel(role: Role): string {
  return SERVICE_OF_ROLE[role].label;
}

/** In the catalog's fixed order, whatever order the roles were ticked in. */
export function servicesOfNode(roles: readonly Role[]): NodeService[] {
  return ROLES.filter((r) => roles.includes(r)).map((role) => ({ role, ...SERVICE_OF_ROLE[role] }));
}
