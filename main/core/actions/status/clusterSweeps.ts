/**
 * Status sweeps of whole clusters: every node at once (each its own single
 * exec), a 'service.status' event per node as soon as it answers, so the
 * tree fills in progressively. A background sweep joins one already running
 * for the cluster; a sweep the operator asks for replaces it (so a node that
 * hangs cannot hold the view), and cancel() ends it: nodes that have not
 * answered report unknown (cancelled). Automatic sweeps run here in core, not in the
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
import { cancelledNode, sweepNode, type SweepDeps } from './nodeSweep';
import type { StatusBook } from './statusBook';

export interface ClusterSweeps {
  sweep(clusterId: string, options: { nodeIds?: readonly string[]; interactive: boolean }): Promise<ClusterStatus>;
  /** Ends every running sweep of the cluster; false when none was running. */
  cancel(clusterId: string): boolean;
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

interface RunningSweep {
  interactive: boolean;
  abort: AbortController;
  /** Why it was stopped early; a superseded sweep leaves its nodes to the newer one. */
  outcome: 'done' | 'cancelled' | 'superseded';
  newer?: RunningSweep;
  promise?: Promise<ClusterStatus>;
}

const ABORTED = Symbol('aborted');
const whenAborted = (signal: AbortSignal) =>
  new Promise<typeof ABORTED>((resolve) => (signal.aborted ? resolve(ABORTED) : signal.addEventListener('abort', () => resolve(ABORTED), { once: true })));

export function createClusterSweeps(deps: ClusterSweepDeps): ClusterSweeps {
  /** The whole-cluster sweep of each cluster. */
  const full = new Map<string, RunningSweep>();
  /** Every running sweep (whole or partial) of each cluster, for cancel(). */
  const all = new Map<string, Set<RunningSweep>>();
  const intervals = new Map<string, { seconds: number; timer?: NodeJS.Timeout }>();
  let closed = false;

  const status = (clusterId: string): ClusterStatus => {
    const cluster = deps.profiles.getCluster(clusterId);
    const { nodes, rollup } = deps.book.cluster(cluster.nodes.map((n) => n.id));
    return { clusterId, rollup, nodes, sweepIntervalSeconds: intervals.get(clusterId)?.seconds ?? 0, sweeping: full.has(clusterId) };
  };

  async function run(clusterId: string, nodeIds: readonly string[] | undefined, entry: RunningSweep): Promise<ClusterStatus> {
    const cluster = deps.profiles.getCluster(clusterId);
    const nodes = nodeIds ? cluster.nodes.filter((n) => nodeIds.includes(n.id)) : cluster.nodes;
    const sweepId = randomUUID();
    const started = performance.now();
    const { signal } = entry.abort;
    const aborted = whenAborted(signal);
    deps.events.emit('service.sweep', { sweepId, clusterId, phase: 'started', nodeIds: nodes.map((n) => n.id) });
    await Promise.all(
      nodes.map(async (node) => {
        const services = deps.services.nodeServices(cluster, node);
        const nodeStarted = performance.now();
        // The engine stops the remote command on abort, but a connection still being set up
        // is not abortable: the sweep does not wait for it.
        const answer = await Promise.race([sweepNode(deps, cluster, node, services, entry.interactive, signal), aborted]);
        let result: NodeStatus;
        if (answer === ABORTED || (signal.aborted && !answer.reachable)) {
          if (entry.outcome === 'superseded') return;
          result = cancelledNode(deps, cluster, node, services, nodeStarted);
        } else result = answer;
        deps.book.put(result);
        deps.events.emit('service.status', { sweepId, node: result, cluster: deps.book.cluster(cluster.nodes.map((n) => n.id)).rollup });
      }),
    );
    deps.events.emit('service.sweep', {
      sweepId,
      clusterId,
      phase: 'finished',
      nodeIds: nodes.map((n) => n.id),
      durationMs: Math.round(performance.now() - started),
      outcome: entry.outcome,
    });
    // Whoever waited for a replaced sweep gets the answer of the one that replaced it.
    if (entry.outcome === 'superseded' && entry.newer?.promise) return entry.newer.promise;
    // Ended: the status it answers with must not say it still runs.
    if (full.get(clusterId) === entry) full.delete(clusterId);
    return status(clusterId);
  }

  function track(clusterId: string, entry: RunningSweep, work: () => Promise<ClusterStatus>): Promise<ClusterStatus> {
    const set = all.get(clusterId) ?? new Set<RunningSweep>();
    all.set(clusterId, set);
    set.add(entry);
    entry.promise = work().finally(() => {
      set.delete(entry);
      if (set.size === 0 && all.get(clusterId) === set) all.delete(clusterId);
      if (full.get(clusterId) === entry) full.delete(clusterId);
    });
    return entry.promise;
  }

  function sweep(clusterId: string, options: { nodeIds?: readonly string[]; interactive: boolean }): Promise<ClusterStatus> {
    const entry: RunningSweep = { interactive: options.interactive, abort: new AbortController(), outcome: 'done' };
    // A partial sweep (one node after a control) never joins or replaces a full one.
    if (options.nodeIds) {
      const nodeIds = options.nodeIds;
      return track(clusterId, entry, () => run(clusterId, nodeIds, entry));
    }
    const current = full.get(clusterId);
    if (current?.promise) {
      // The timer's sweep joins; the operator's replaces, so a hung node of the old one cannot hold the view.
      if (!options.interactive) return current.promise;
      current.outcome = 'superseded';
      current.newer = entry;
      current.abort.abort();
    }
    full.set(clusterId, entry);
    return track(clusterId, entry, () => run(clusterId, undefined, entry));
  }

  function cancel(clusterId: string): boolean {
    const set = all.get(clusterId);
    if (!set?.size) return false;
    for (const entry of set) {
      if (entry.outcome === 'done') entry.outcome = 'cancelled';
      entry.abort.abort();
    }
    return true;
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
    cancel,
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
      for (const id of [...all.keys()]) cancel(id);
      for (const entry of intervals.values()) if (entry.timer) clearTimeout(entry.timer);
      intervals.clear();
    },
  };
}
