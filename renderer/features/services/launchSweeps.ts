/**
 * Which clusters the home screen sweeps when the app starts, and how many at
 * once. A cluster is left alone when core is sweeping it already or when
 * every node has a status younger than the cluster's refresh interval (a
 * reloaded window: core kept what it knew). Plain TS, no React, for tests.
 */
import type { ClusterStatus, NodeStatus } from '../../../common/contract/schemas/services';

/**
 * Three clusters at a time: each sweep is already one exec per node, all its
 * nodes in parallel, so three 20-node clusters mean ~60 SSH logins at start,
 * about what sshd's default MaxStartups (10:30:100) per node and a laptop's
 * uplink take without refusals.
 */
export const LAUNCH_SWEEP_CONCURRENCY = 3;

/** With automatic refresh off, a status younger than a minute still counts as fresh. */
export const FRESH_WITHOUT_INTERVAL_SECONDS = 60;

export interface KnownClusterStatus {
  nodeIds: readonly string[];
  nodes: Readonly<Record<string, Pick<NodeStatus, 'checkedAt'>>>;
  sweeping: boolean;
  /** Core's interval, or the one this window remembers when core restarted. */
  intervalSeconds: number;
}

export function isFresh(known: KnownClusterStatus, nowMs: number): boolean {
  if (known.nodeIds.length === 0) return true;
  const window = (known.intervalSeconds > 0 ? known.intervalSeconds : FRESH_WITHOUT_INTERVAL_SECONDS) * 1000;
  return known.nodeIds.every((id) => {
    const at = known.nodes[id]?.checkedAt;
    return at !== undefined && nowMs - Date.parse(at) < window;
  });
}

/** The clusters to sweep now, in the order given (the home list's order). */
export function clustersDueOnLaunch(clusters: readonly { id: string; known: KnownClusterStatus }[], nowMs: number): string[] {
  return clusters.filter((c) => !c.known.sweeping && !isFresh(c.known, nowMs)).map((c) => c.id);
}

/** Runs `work` for every id, at most `limit` at once; resolves when all ended (failures are the work's own business). */
export async function runBounded(ids: readonly string[], limit: number, work: (id: string) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < ids.length) {
      const id = ids[next] as string;
      next += 1;
      await work(id).catch(() => undefined);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, ids.length)) }, lane));
}

/**
 * Asks core what it knows, then sweeps the clusters that are due, a few at a
 * time. `sweep` is the store's (it keeps the "checking" state on screen).
 * Resolves with the ids it swept.
 */
export async function sweepClustersOnLaunch(
  getStatus: () => Promise<ClusterStatus[]>,
  clusters: readonly { id: string; nodeIds: readonly string[]; rememberedSeconds: number }[],
  sweep: (clusterId: string) => Promise<void>,
  nowMs: number = Date.now(),
): Promise<string[]> {
  const held = new Map((await getStatus()).map((s) => [s.clusterId, s]));
  const due = clustersDueOnLaunch(
    clusters.map((c) => {
      const status = held.get(c.id);
      return {
        id: c.id,
        known: {
          nodeIds: c.nodeIds,
          nodes: Object.fromEntries((status?.nodes ?? []).map((n) => [n.nodeId, n])),
          sweeping: status?.sweeping ?? false,
          intervalSeconds: status?.sweepIntervalSeconds || c.rememberedSeconds,
        },
      };
    }),
    nowMs,
  );
  await runBounded(due, LAUNCH_SWEEP_CONCURRENCY, sweep);
  return due;
}
