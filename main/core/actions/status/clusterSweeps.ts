/**
 * Status sweeps of whole clusters: every node at once (each its own single
 * exec), a 'service.status' event per node as soon as it answers, so the
 * tree fills in progressively; a sweep already running for a cluster is
 * joined, not doubled. Automatic sweeps run here in core, not in the
 * renderer: one timer serves every open window or browser tab, it is not
 * throttled when a tab is in the background, and it is chained (the next
 * sweep starts an interval after the last one ended), so a slow cluster is
 * never swept twice at once.
 */
import { randomUUID } from 'node:crypto';
import type { EventSink } from '../../../../common/contract/events';
import type { ClusterStatus, NodeStatus } from '../../../../common/contract/schemas/services';
import type { ProfileRepository } from '../../profiles/profileRepository';
import type { ClusterServiceBook } from '../catalog/clusterServices';
import { sweepNode, type SweepDeps } from './nodeSweep';
import type { StatusBook } from './statusBook';

export interface ClusterSweeps {
  sweep(clusterId: string, options: { nodeIds?: readonly string[]; interactive: boolean }): Promise<ClusterStatus>;
  status(clusterId: string): ClusterStatus;
  setInterval(clusterId: string, seconds: number): void;
  close(): void;
}

export interface ClusterSweepDeps extends SweepDeps {
  profiles: Pick<ProfileRepository, 'getCluster' | 'findCluster'>;
  services: Pick<ClusterServiceBook, 'nodeServices'>;
  book: StatusBook;
  events: EventSink;
  logger: { warn(message: string, detail?: Record<string, unknown>): void };
}

export function createClusterSweeps(deps: ClusterSweepDeps): ClusterSweeps {
  const running = new Map<string, Promise<ClusterStatus>>();
  const intervals = new Map<string, { seconds: number; timer?: NodeJS.Timeout }>();
  let closed = false;

  const status = (clusterId: string): ClusterStatus => {
    const cluster = deps.profiles.getCluster(clusterId);
    const { nodes, rollup } = deps.book.cluster(cluster.nodes.map((n) => n.id));
    return { clusterId, rollup, nodes, sweepIntervalSeconds: intervals.get(clusterId)?.seconds ?? 0, sweeping: running.has(clusterId) };
  };

  async function run(clusterId: string, nodeIds: readonly string[] | undefined, interactive: boolean): Promise<ClusterStatus> {
    const cluster = deps.profiles.getCluster(clusterId);
    const nodes = nodeIds ? cluster.nodes.filter((n) => nodeIds.includes(n.id)) : cluster.nodes;
    const sweepId = randomUUID();
    const started = performance.now();
    deps.events.emit('service.sweep', { sweepId, clusterId, phase: 'started', nodeIds: nodes.map((n) => n.id) });
    await Promise.all(
      nodes.map(async (node) => {
        const result: NodeStatus = await sweepNode(deps, cluster, node, deps.services.nodeServices(cluster, node), interactive);
        deps.book.put(result);
        deps.events.emit('service.status', { sweepId, node: result, cluster: deps.book.cluster(cluster.nodes.map((n) => n.id)).rollup });
      }),
    );
    deps.events.emit('service.sweep', { sweepId, clusterId, phase: 'finished', nodeIds: nodes.map((n) => n.id), durationMs: Math.round(performance.now() - started) });
    return status(clusterId);
  }

  function sweep(clusterId: string, options: { nodeIds?: readonly string[]; interactive: boolean }): Promise<ClusterStatus> {
    // A partial sweep (one node after a control) never joins or blocks a full one.
    if (options.nodeIds) return run(clusterId, options.nodeIds, options.interactive);
    const current = running.get(clusterId);
    if (current) return current;
    const promise = run(clusterId, undefined, options.interactive).finally(() => running.delete(clusterId));
    running.set(clusterId, promise);
    return promise;
  }

  function schedule(clusterId: string): void {
    const entry = intervals.get(clusterId);
    if (!entry || entry.seconds === 0 || closed) return;
    entry.timer = setTimeout(() => {
      if (!deps.profiles.findCluster(clusterId)) {
        intervals.delete(clusterId);
        return;
      }
      sweep(clusterId, { interactive: false })
        .catch((err: unknown) => deps.logger.warn('automatic status sweep failed', { clusterId, error: err instanceof Error ? err.message : String(err) }))
        // Only the entry that started this sweep goes on; a changed interval made its own timer.
        .finally(() => {
          if (intervals.get(clusterId) === entry) schedule(clusterId);
        });
    }, entry.seconds * 1000);
    entry.timer.unref?.();
  }

  return {
    sweep,
    status,
    setInterval(clusterId, seconds) {
      deps.profiles.getCluster(clusterId);
      const old = intervals.get(clusterId);
      if (old?.timer) clearTimeout(old.timer);
      if (seconds === 0) intervals.delete(clusterId);
      else {
        intervals.set(clusterId, { seconds });
        schedule(clusterId);
      }
    },
    close() {
      closed = true;
      for (const entry of intervals.values()) if (entry.timer) clearTimeout(entry.timer);
      intervals.clear();
    },
  };
}
