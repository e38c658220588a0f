/**
 * Finds the running halfstack container of a role (postgres, etcd) on the
 * node that runs it: the node with that role, its compose service from the
 * catalog (with the cluster's overrides), `docker ps`, and the container
 * compose made from the file or, failing that, one whose name matches the
 * catalog's patterns (halfstack-db, backendai-halfstack-db*, *half-db*, bai-postgres*).
 */
import { ApiError } from '../../../../common/contract/errors';
import type { ClusterNode, ClusterWithNodes, Role } from '../../../../common/contract/schemas/profiles';
import { containersOfService } from '../../catalog/containerMatch';
import { classifyDockerError, dockerProblemSentence } from '../../catalog/dockerErrors';
import { DOCKER_PS_ARGV, parseDockerPsJson } from '../../catalog/dockerPs';
import type { CoreContext } from '../../coreContext';
import { sshEngineOf } from '../../ssh/sshDomain';
import { serviceDomainOf } from '../serviceDomain';

export interface HalfstackContainer {
  node: ClusterNode;
  container: string;
}

export function nodeWithRole(cluster: ClusterWithNodes, role: Role, purpose: string): ClusterNode {
  const node = cluster.nodes.find((n) => n.roles.includes(role));
  if (!node) throw new ApiError('not_found', `No node of ${cluster.name} has the ${role} role, so ClusterDeck does not know where ${purpose}. Tick the role on the node that runs it.`);
  return node;
}

export async function findHalfstackContainer(ctx: CoreContext, cluster: ClusterWithNodes, role: 'postgres' | 'etcd', signal?: AbortSignal): Promise<HalfstackContainer> {
  const node = nodeWithRole(cluster, role, role === 'postgres' ? 'PostgreSQL runs' : 'etcd runs');
  const service = serviceDomainOf(ctx)
    .services.nodeServices(cluster, node)
    .find((s) => s.role === role && s.kind === 'compose');
  if (!service || service.kind !== 'compose') {
    throw new ApiError('not_found', `The ${role} service of ${node.name} is not a compose container in the service settings of ${cluster.name}, so there is no container to back up from.`);
  }
  const ps = await sshEngineOf(ctx).exec(node.id, DOCKER_PS_ARGV, { timeoutMs: 30_000, ...(signal ? { signal } : {}) });
  const { containers, messages } = parseDockerPsJson(ps.stdout);
  const problem = classifyDockerError(`${ps.stderr}\n${messages.join('\n')}`);
  if (problem) throw new ApiError(problem === 'permission' ? 'permission' : 'remote_failed', `${node.name}: ${dockerProblemSentence(problem)}`);
  if (ps.exitCode !== 0) throw new ApiError('remote_failed', `\`docker ps\` failed on ${node.name} (exit ${String(ps.exitCode)}): ${ps.stderr.trim().slice(0, 200)}`);
  const candidates = containersOfService(service, containers);
  const running = candidates.find((c) => c.state === 'running');
  if (!running) {
    const seen = candidates.map((c) => `${c.name} (${c.state})`).join(', ');
    throw new ApiError(
      'remote_failed',
      seen
        ? `The ${role} container on ${node.name} is not running: ${seen}. Start it (docker-compose -f ${service.composeFile} -p ${service.composeProject} up -d) and try again.`
        : `No ${role} container on ${node.name} matches ${service.containerPatterns.join(', ')}. Check the service settings of ${cluster.name}.`,
    );
  }
  return { node, container: running.name };
}
