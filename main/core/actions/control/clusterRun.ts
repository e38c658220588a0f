/**
 * "Start cluster" / "stop cluster": every service of every node, in the
 * catalog's tiers (clusterOrder.ts): halfstack, then manager and
 * storage-proxy, then agents, then web server and proxies; stop is the
 * reverse. A tier runs in parallel; when anything in it fails the later
 * tiers are left alone, because what they depend on is not in place.
 */
import type { ClusterRunResult } from '../../../../common/contract/schemas/services';
import { startBatches, stopBatches } from './clusterOrder';
import { controlOptionsFor, runControl, type ControlDeps, type ControlTarget } from './serviceControl';

export function clusterTargetBatches(targets: readonly ControlTarget[], action: 'start' | 'stop'): ControlTarget[][] {
  const withTier = targets.map((t) => ({ tier: t.service.tier, t }));
  return (action === 'start' ? startBatches(withTier) : stopBatches(withTier)).map((batch) => batch.map((b) => b.t));
}

export async function runCluster(deps: ControlDeps, clusterId: string, targets: readonly ControlTarget[], action: 'start' | 'stop', runId: string): Promise<ClusterRunResult> {
  const batches: ClusterRunResult['batches'] = [];
  let stoppedEarly = false;
  for (const batch of clusterTargetBatches(targets, action)) {
    const tier = batch[0]?.service.tier ?? 0;
    const results = await Promise.all(
      batch.map(async (t) => runControl(deps, t, action, runId, await controlOptionsFor(deps, t).catch(() => ({})))),
    );
    batches.push({ tier, results });
    if (results.some((r) => !r.ok)) {
      stoppedEarly = batches.length < clusterTargetBatches(targets, action).length;
      break;
    }
  }
  const failed = batches.flatMap((b) => b.results).filter((r) => !r.ok);
  const done = batches.flatMap((b) => b.results).length;
  const message = failed.length === 0
    ? `${action === 'start' ? 'Started' : 'Stopped'} ${done} services in ${batches.length} steps.`
    : `${failed.map((r) => `${r.label} on ${r.nodeName}`).join(', ')} did not ${action}.${stoppedEarly ? ` The later steps were not run, to keep the dependency order. Fix it and run "${action} cluster" again.` : ''}`;
  return { runId, clusterId, action, batches, stoppedEarly, message };
}
