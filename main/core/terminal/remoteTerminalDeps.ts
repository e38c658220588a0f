/**
 * What remote terminals take from core: the node's SSH engine, the cluster
 * name for tab titles, the node's services (catalog + overrides) for the
 * shortcuts, the manager folder for dbshell, and the activity log. Built
 * lazily from CoreContext.
 */
import { serviceDomainOf } from '../actions/serviceDomain';
import type { CoreContext } from '../coreContext';
import { sshEngineOf } from '../ssh/sshDomain';
import type { RemoteTerminalDeps } from './remoteTerminal';

export function remoteTerminalDepsOf(ctx: CoreContext): RemoteTerminalDeps {
  const clusterOf = (nodeId: string) => ctx.profiles.getCluster(ctx.profiles.getNode(nodeId).clusterId);
  return {
    engine: sshEngineOf(ctx),
    clusterNameOf: (nodeId) => clusterOf(nodeId).name,
    serviceOnNode: (nodeId, serviceId) => serviceDomainOf(ctx).services.serviceOnNode(nodeId, serviceId).service,
    managerDirOf: (nodeId) => clusterOf(nodeId).managerDir,
    recordOpen: (nodeId, what, outcome) => {
      const node = ctx.profiles.getNode(nodeId);
      ctx.activity.record({
        action: what,
        target: node.name,
        clusterId: node.clusterId,
        nodeId,
        result: outcome.ok ? 'ok' : 'failed',
        ...(outcome.ok ? {} : { detail: outcome.message }),
      });
    },
  };
}
