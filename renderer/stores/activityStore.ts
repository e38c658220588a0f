/** The activity log as last read: who did what to which cluster, and how it ended. */
import { create } from 'zustand';
import type { ActivityEntry } from '../../common/contract/schemas/app';
import { api } from '../api/client';
import { apiErrorOf } from './apiErrorText';

interface ActivityState {
  entries: ActivityEntry[];
  error: string | null;
  isLoading: boolean;
  load(clusterId?: string): Promise<void>;
}

export const useActivityStore = create<ActivityState>((set) => ({
  entries: [],
  error: null,
  isLoading: false,
  async load(clusterId) {
    set({ isLoading: true });
    try {
      const entries = await api().listActivity(clusterId ? { clusterId, limit: 200 } : { limit: 200 });
      set({ entries, error: null, isLoading: false });
    } catch (err) {
      set({ error: apiErrorOf(err).message, isLoading: false });
    }
  },
}));
