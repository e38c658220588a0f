/**
 * What the renderer knows about services: each cluster's resolved services
 * (from core's catalog and overrides) and the last status of each node,
 * filled in node by node from 'service.status' events while a sweep runs.
 * Metadata only; the sweeps and their timer live in core.
 */
import { create } from 'zustand';
import type { ClusterServices, NodeStatus, ServiceEntry, ServiceStatus, StatusRollup } from '../../common/contract/schemas/services';
import { api } from '../api/client';
import { apiErrorOf } from './apiErrorText';

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
  sweep(clusterId: string): Promise<void>;
  setInterval(clusterId: string, seconds: number): Promise<void>;
  applyServices(services: ClusterServices): void;
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
    async sweep(clusterId) {
      patch(clusterId, { sweeping: true, error: null });
      try {
        const status = await api().sweepStatus({ clusterId });
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
