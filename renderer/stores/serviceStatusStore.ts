/**
 * What the renderer knows about services: each cluster's resolved services
 * (from core's catalog and overrides) and the last status of each node,
 * filled in node by node from 'service.status' events while a sweep runs.
 * Metadata only; the sweeps and their timer live in core.
 */
import { create } from 'zustand';
import type { ClusterServices, NodeStatus, ServiceEntry, ServiceStatus, StatusRollup } from '../../common/contract/schemas/services';
import { api } from '../api/client';
import { sweepClustersOnLaunch } from '../features/services/launchSweeps';
import { apiErrorOf } from './apiErrorText';
import { useProfilesStore } from './profilesStore';

interface ClusterServiceState {
  services: ClusterServices | null;
  nodes: Record<string, NodeStatus>;
  rollup: StatusRollup | null;
  sweeping: boolean;
  intervalSeconds: number;
  lastSweepAt: string | null;
  error: string | null;
}

interface ServiceStatusState {
  clusters: Record<string, ClusterServiceState>;
  loadServices(clusterId: string): Promise<void>;
  /** Services of every cluster, then whatever status core already holds (a reloaded window). */
  loadAll(clusterIds: readonly string[]): Promise<void>;
  /** interactive false for sweeps nobody asked for: unknown host keys fail the node instead of asking. */
  sweep(clusterId: string, options?: { interactive?: boolean }): Promise<void>;
  /** Ends the running sweep; nodes that had not answered show unknown (cancelled). */
  cancelSweep(clusterId: string): Promise<void>;
  /**
   * Once per window: sweeps every cluster that core has no fresh status of
   * (fresher than its refresh interval), a few clusters at a time, so the
   * home shows health without a click. Resolves with the ids it swept.
   */
  sweepOnLaunch(clusterIds: readonly string[], nodeIdsOf: (clusterId: string) => readonly string[]): Promise<string[]>;
  setInterval(clusterId: string, seconds: number): Promise<void>;
  applyServices(services: ClusterServices): void;
}

/** The launch sweep runs once per window, not each time the home is shown again. */
let launchSwept = false;

/**
 * The clusters saved when this window opened (the first profile list). One
 * imported or created later is not "at launch": its own view opens and the
 * operator's refresh asks for its host keys.
 */
let atLaunch: string[] | null = null;
const noteLaunch = (s: { status: string; clusters: readonly { id: string }[] }) => {
  if (atLaunch === null && s.status === 'ready') atLaunch = s.clusters.map((c) => c.id);
};
noteLaunch(useProfilesStore.getState());
useProfilesStore.subscribe(noteLaunch);

export function clustersAtLaunch(): readonly string[] {
  return atLaunch ?? [];
}

const empty = (): ClusterServiceState => ({ services: null, nodes: {}, rollup: null, sweeping: false, intervalSeconds: 0, lastSweepAt: null, error: null });

export const useServiceStatusStore = create<ServiceStatusState>((set, get) => {
  const patch = (clusterId: string, change: Partial<ClusterServiceState> | ((c: ClusterServiceState) => Partial<ClusterServiceState>)) =>
    set((s) => {
      const current = s.clusters[clusterId] ?? empty();
      const next = typeof change === 'function' ? change(current) : change;
      return { clusters: { ...s.clusters, [clusterId]: { ...current, ...next } } };
    });
  return {
    clusters: {},
    async loadServices(clusterId) {
      try {
        get().applyServices(await api().getServices({ clusterId }));
      } catch (err) {
        patch(clusterId, { error: apiErrorOf(err).message });
      }
    },
    async loadAll(clusterIds) {
      await Promise.all(clusterIds.map((id) => get().loadServices(id)));
      try {
        for (const status of await api().getStatus({})) {
          patch(status.clusterId, (c) => ({
            nodes: { ...c.nodes, ...Object.fromEntries(status.nodes.map((n) => [n.nodeId, n])) },
            rollup: status.nodes.length ? status.rollup : c.rollup,
            intervalSeconds: status.sweepIntervalSeconds,
            sweeping: status.sweeping,
          }));
        }
      } catch {
        // The status is only a head start; the next sweep fills it in.
      }
    },
    async sweep(clusterId, options) {
      patch(clusterId, { sweeping: true, error: null });
      try {
        const status = await api().sweepStatus({ clusterId, interactive: options?.interactive ?? true });
        patch(clusterId, (c) => ({
          nodes: { ...c.nodes, ...Object.fromEntries(status.nodes.map((n) => [n.nodeId, n])) },
          rollup: status.rollup,
          sweeping: false,
          lastSweepAt: new Date().toISOString(),
        }));
      } catch (err) {
        patch(clusterId, { sweeping: false, error: apiErrorOf(err).message });
      }
    },
    async cancelSweep(clusterId) {
      try {
        await api().cancelSweep({ clusterId });
      } catch (err) {
        patch(clusterId, { error: apiErrorOf(err).message });
      }
    },
    async sweepOnLaunch(clusterIds, nodeIdsOf) {
      if (launchSwept) return [];
      launchSwept = true;
      const remembered = rememberedIntervals();
      const clusters = clusterIds.map((id) => ({ id, nodeIds: nodeIdsOf(id), rememberedSeconds: remembered[id] ?? 0 }));
      return sweepClustersOnLaunch(() => api().getStatus({}), clusters, (id) => get().sweep(id, { interactive: false }));
    },
    async setInterval(clusterId, seconds) {
      try {
        await api().setSweepInterval({ clusterId, seconds });
        patch(clusterId, { intervalSeconds: seconds });
        rememberInterval(clusterId, seconds);
      } catch (err) {
        patch(clusterId, { error: apiErrorOf(err).message });
      }
    },
    applyServices(services) {
      patch(services.clusterId, { services, error: null });
    },
  };
});

const INTERVAL_KEY = 'clusterdeck.sweepIntervals';

function rememberedIntervals(): Record<string, number> {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(INTERVAL_KEY) ?? '{}');
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, number>) : {};
  } catch {
    return {};
  }
}

function rememberInterval(clusterId: string, seconds: number): void {
  try {
    localStorage.setItem(INTERVAL_KEY, JSON.stringify({ ...rememberedIntervals(), [clusterId]: seconds }));
  } catch {
    // Private mode or a full disk: the interval then lasts until core restarts.
  }
}

/** Core forgets its timers when it restarts; the operator's choice is put back from here. */
export async function restoreIntervals(clusterIds: readonly string[]): Promise<void> {
  const saved = rememberedIntervals();
  const store = useServiceStatusStore.getState();
  for (const id of clusterIds) {
    const seconds = saved[id];
    if (seconds && store.clusters[id]?.intervalSeconds !== seconds) await store.setInterval(id, seconds);
  }
}

/** Keep statuses live from core's pushed events; returns the unsubscribe. */
export function watchServiceStatus(): () => void {
  const offStatus = api().on('service.status', ({ node, cluster }) => {
    useServiceStatusStore.setState((s) => {
      const current = s.clusters[node.clusterId] ?? empty();
      return { clusters: { ...s.clusters, [node.clusterId]: { ...current, nodes: { ...current.nodes, [node.nodeId]: node }, rollup: cluster } } };
    });
  });
  const offSweep = api().on('service.sweep', ({ clusterId, phase }) => {
    useServiceStatusStore.setState((s) => {
      const current = s.clusters[clusterId] ?? empty();
      return {
        clusters: {
          ...s.clusters,
          [clusterId]: { ...current, sweeping: phase === 'started', ...(phase === 'finished' ? { lastSweepAt: new Date().toISOString() } : {}) },
        },
      };
    });
  });
  return () => {
    offStatus();
    offSweep();
  };
}

export function servicesOfNodeIn(state: ServiceStatusState, clusterId: string, nodeId: string): ServiceEntry[] {
  return state.clusters[clusterId]?.services?.nodes.find((n) => n.nodeId === nodeId)?.services ?? [];
}

export function statusOfService(state: ServiceStatusState, clusterId: string, nodeId: string, serviceId: string): ServiceStatus | undefined {
  return state.clusters[clusterId]?.nodes[nodeId]?.statuses.find((s) => s.serviceId === serviceId);
}
