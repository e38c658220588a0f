/** Preflight results per node: the last run's checks, whether one is running, and why it failed. */
import { create } from 'zustand';
import type { PreflightResult } from '../../common/contract/schemas/preflight';
import { api } from '../api/client';
import { apiErrorOf } from './apiErrorText';

export interface NodePreflight {
  running: boolean;
  result: PreflightResult | null;
  error: string | null;
}

interface PreflightState {
  nodes: Record<string, NodePreflight>;
  run(nodeId: string): Promise<void>;
}

export const usePreflightStore = create<PreflightState>((set, get) => ({
  nodes: {},
  async run(nodeId) {
    const put = (p: Partial<NodePreflight>) => {
      const prev = get().nodes[nodeId] ?? { running: false, result: null, error: null };
      set({ nodes: { ...get().nodes, [nodeId]: { ...prev, ...p } } });
    };
    if (get().nodes[nodeId]?.running) return;
    put({ running: true, error: null });
    try {
      put({ running: false, result: await api().runPreflight({ nodeId }) });
    } catch (err) {
      put({ running: false, error: apiErrorOf(err).message });
    }
  },
}));
