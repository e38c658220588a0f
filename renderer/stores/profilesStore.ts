/**
 * The cluster profiles as the renderer knows them: metadata only (no
 * secrets ever reach here), re-read whenever main says they changed.
 */
import { create } from 'zustand';
import type { ClusterWithNodes } from '../../common/contract/schemas/profiles';
import { api } from '../api/client';
import { apiErrorOf } from './apiErrorText';

interface ProfilesState {
  status: 'loading' | 'ready' | 'failed';
  clusters: ClusterWithNodes[];
  error: string | null;
  load(): Promise<void>;
}

export const useProfilesStore = create<ProfilesState>((set) => ({
  status: 'loading',
  clusters: [],
  error: null,
  async load() {
    try {
      const clusters = await api().listClusters({});
      set({ status: 'ready', clusters, error: null });
    } catch (err) {
      set({ status: 'failed', error: apiErrorOf(err).message });
    }
  },
}));

export function findCluster(clusters: readonly ClusterWithNodes[], clusterId: string | null): ClusterWithNodes | undefined {
  return clusterId === null ? undefined : clusters.find((c) => c.id === clusterId);
}

export function findNode(clusters: readonly ClusterWithNodes[], nodeId: string | null) {
  if (nodeId === null) return undefined;
  for (const c of clusters) {
    const node = c.nodes.find((n) => n.id === nodeId);
    if (node) return { cluster: c, node };
  }
  return undefined;
}

/** Keep the list fresh when any window or call changes it. */
export function watchProfiles(): () => void {
  return api().on('profiles.changed', () => {
    void useProfilesStore.getState().load();
  });
}
