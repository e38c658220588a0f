/**
 * Sweeps one node over the SSH engine: the one exec statusSweep.ts builds,
 * parsed into a NodeStatus. A node that cannot be asked (unreachable, login
 * refused, timed out) gets every service unknown with the reason, instead of
 * an error, so the other nodes of the sweep still report.
 */
import { toApiError, type ErrorCode } from '../../../../common/contract/errors';
import type { ClusterNode, ClusterWithNodes } from '../../../../common/contract/schemas/profiles';
import type { NodeStatus, ServiceEntry, UnknownReason } from '../../../../common/contract/schemas/services';
import { randomNonce } from '../../catalog/sectionedScript';
import type { SshEngine } from '../../ssh/sshEngine';
import { buildStatusSweep, failedSweep, parseSweepOutput, type NodeSweep } from './statusSweep';
import { rollupNode } from './statusRollup';

/** A sweep is a handful of quick reads; 20 s covers a slow link and a cold connection. */
export const SWEEP_TIMEOUT_MS = 20_000;

export interface SweepDeps {
  engine: Pick<SshEngine, 'exec'>;
  now: () => Date;
}

export function reasonOfError(code: ErrorCode): UnknownReason {
  if (code === 'permission') return 'permission';
  if (code === 'cancelled') return 'cancelled';
  if (code === 'remote_failed' || code === 'internal') return 'error';
  return 'unreachable';
}

/** Runs the sweep of `services` on a node; never throws for the node's own failures. */
export async function sweepServices(
  deps: SweepDeps,
  nodeId: string,
  services: readonly ServiceEntry[],
  interactive: boolean,
  signal?: AbortSignal,
): Promise<{ sweep: NodeSweep; error: string | null }> {
  const plan = buildStatusSweep(services, { nonce: randomNonce() });
  try {
    const result = await deps.engine.exec(nodeId, plan.command.argv, { timeoutMs: SWEEP_TIMEOUT_MS, interactive, sudo: plan.command.sudo, ...(signal ? { signal } : {}) });
    return { sweep: parseSweepOutput(result.stdout, services, { nonce: plan.nonce, now: deps.now() }), error: null };
  } catch (err) {
    const e = toApiError(err);
    return { sweep: failedSweep(services, reasonOfError(e.code), e.message), error: e.message };
  }
}

export async function sweepNode(
  deps: SweepDeps,
  cluster: ClusterWithNodes,
  node: ClusterNode,
  services: readonly ServiceEntry[],
  interactive: boolean,
  signal?: AbortSignal,
): Promise<NodeStatus> {
  const started = performance.now();
  const { sweep, error } = await sweepServices(deps, node.id, services, interactive, signal);
  return nodeStatusOf(deps, cluster, node, services, sweep, error, started);
}

/** A node the sweep gave up on (the operator cancelled it): every service unknown (cancelled). */
export function cancelledNode(deps: Pick<SweepDeps, 'now'>, cluster: ClusterWithNodes, node: ClusterNode, services: readonly ServiceEntry[], started: number): NodeStatus {
  const message = `The status sweep was cancelled before ${node.name} answered. Refresh to ask it again.`;
  return nodeStatusOf(deps, cluster, node, services, failedSweep(services, 'cancelled', message), message, started);
}

function nodeStatusOf(
  deps: Pick<SweepDeps, 'now'>,
  cluster: ClusterWithNodes,
  node: ClusterNode,
  services: readonly ServiceEntry[],
  sweep: NodeSweep,
  error: string | null,
  started: number,
): NodeStatus {
  return {
    clusterId: cluster.id,
    nodeId: node.id,
    nodeName: node.name,
    checkedAt: deps.now().toISOString(),
    durationMs: Math.round(performance.now() - started),
    reachable: error === null,
    error,
    facts: sweep.facts,
    statuses: sweep.statuses,
    rollup: rollupNode(sweep.statuses, services),
  };
}
