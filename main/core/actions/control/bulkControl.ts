/**
 * One action on one service across several nodes ("restart every agent"),
 * one node at a time or all at once, with a result per node. A node that
 * fails does not stop the others: the grid shows which to retry.
 */
import type { BulkMode, BulkResult, ControlAction, ControlResult } from '../../../../common/contract/schemas/services';
import { runControl, type ControlDeps, type ControlTarget } from './serviceControl';

export async function runBulk(
  deps: ControlDeps,
  targets: readonly ControlTarget[],
  request: { runId: string; clusterId: string; serviceId: string; action: ControlAction; mode: BulkMode },
): Promise<BulkResult> {
  const results: ControlResult[] = [];
  if (request.mode === 'parallel') {
    results.push(...(await Promise.all(targets.map((t) => runControl(deps, t, request.action, request.runId)))));
  } else {
    for (const t of targets) results.push(await runControl(deps, t, request.action, request.runId));
  }
  return { ...request, results };
}

/** Every node of the request that runs the service, in the request's order; names the ones that do not. */
export function targetsOnNodes<T extends { node: { id: string } }>(nodeIds: readonly string[], found: readonly T[]): T[] {
  return nodeIds.map((id) => found.find((t) => t.node.id === id)).filter((t): t is T => t !== undefined);
}
