/**
 * The cluster editor: its draft, the API's field errors and the save. A new
 * cluster is created, an existing one updated; on success the main pane
 * shows the saved cluster.
 */
import { create } from 'zustand';
import type { ClusterWithNodes } from '../../common/contract/schemas/profiles';
import { api } from '../api/client';
import {
  clusterDraftFieldOf,
  clusterFieldsFromDraft,
  draftFromCluster,
  newClusterDraft,
  type ClusterDraft,
} from '../features/clusters/clusterDraft';
import { apiErrorOf } from './apiErrorText';
import { openSshConfigImport } from './clusterActions';
import { formErrorSummary, isDraftField, patchedDraft } from './formErrorSummary';
import { useProfilesStore } from './profilesStore';
import { useSelectionStore } from './selectionStore';

interface ClusterEditorState {
  clusterId: string | null;
  draft: ClusterDraft;
  fieldErrors: Record<string, string>;
  formError: string | null;
  isSaving: boolean;
  /** Set by "Import hosts from ~/.ssh/config" on first run: the new cluster's nodes come from there. */
  thenImportSshHosts: boolean;
  open(cluster: ClusterWithNodes | null, options?: { thenImportSshHosts?: boolean }): void;
  change(patch: Partial<ClusterDraft>): void;
  save(): Promise<void>;
  cancel(): void;
}

export function mapFieldErrors(fields: Record<string, string> | undefined, toDraftField: (p: string) => string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(fields ?? {})) {
    const key = toDraftField(path);
    if (!(key in out)) out[key] = message;
  }
  return out;
}

export const useClusterEditorStore = create<ClusterEditorState>((set, get) => ({
  clusterId: null,
  draft: newClusterDraft(),
  fieldErrors: {},
  formError: null,
  isSaving: false,
  thenImportSshHosts: false,
  open(cluster, options) {
    set({
      thenImportSshHosts: options?.thenImportSshHosts ?? false,
      clusterId: cluster?.id ?? null,
      draft: cluster ? draftFromCluster(cluster) : newClusterDraft(),
      fieldErrors: {},
      formError: null,
      isSaving: false,
    });
    useSelectionStore.getState().show({ kind: 'cluster-editor', clusterId: cluster?.id ?? null });
  },
  change(patch) {
    set((s) => patchedDraft(s, patch));
  },
  async save() {
    const { clusterId, draft } = get();
    set({ isSaving: true, formError: null });
    try {
      const fields = clusterFieldsFromDraft(draft);
      const saved = clusterId === null ? await api().createCluster(fields) : await api().updateCluster({ clusterId, fields });
      set({ isSaving: false, fieldErrors: {} });
      await useProfilesStore.getState().load();
      const selection = useSelectionStore.getState();
      selection.setExpanded(`cluster:${saved.id}`, true);
      selection.focusRow(`cluster:${saved.id}`);
      selection.show({ kind: 'cluster', clusterId: saved.id });
      if (get().thenImportSshHosts) {
        set({ thenImportSshHosts: false });
        openSshConfigImport(saved.id, saved.name);
      }
    } catch (err) {
      const e = apiErrorOf(err);
      const fieldErrors = mapFieldErrors(e.fields, clusterDraftFieldOf);
      const formError = formErrorSummary(fieldErrors, (key) => isDraftField(draft, key), e.message);
      set({ isSaving: false, fieldErrors, formError });
    }
  },
  cancel() {
    const { clusterId } = get();
    useSelectionStore.getState().show(clusterId ? { kind: 'cluster', clusterId } : { kind: 'home' });
  },
}));
