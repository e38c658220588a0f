/** The node editor: draft, field errors, save (add or update), like the cluster editor. */
import { create } from 'zustand';
import type { ClusterNode } from '../../common/contract/schemas/profiles';
import { api } from '../api/client';
import { draftFromNode, newNodeDraft, nodeDraftFieldOf, nodeFieldsFromDraft, type NodeDraft } from '../features/clusters/nodeDraft';
import { apiErrorOf } from './apiErrorText';
import { mapFieldErrors } from './clusterEditorStore';
import { formErrorSummary, isDraftField, patchedDraft } from './formErrorSummary';
import { useProfilesStore } from './profilesStore';
import { useSelectionStore } from './selectionStore';

interface NodeEditorState {
  clusterId: string;
  nodeId: string | null;
  draft: NodeDraft;
  fieldErrors: Record<string, string>;
  formError: string | null;
  isSaving: boolean;
  open(clusterId: string, node: ClusterNode | null): void;
  change(patch: Partial<NodeDraft>): void;
  save(): Promise<void>;
  cancel(): void;
}

export const useNodeEditorStore = create<NodeEditorState>((set, get) => ({
  clusterId: '',
  nodeId: null,
  draft: newNodeDraft(),
  fieldErrors: {},
  formError: null,
  isSaving: false,
  open(clusterId, node) {
    set({ clusterId, nodeId: node?.id ?? null, draft: node ? draftFromNode(node) : newNodeDraft(), fieldErrors: {}, formError: null, isSaving: false });
    useSelectionStore.getState().show({ kind: 'node-editor', clusterId, nodeId: node?.id ?? null });
  },
  change(patch) {
    set((s) => patchedDraft(s, patch));
  },
  async save() {
    const { clusterId, nodeId, draft } = get();
    set({ isSaving: true, formError: null });
    try {
      const fields = nodeFieldsFromDraft(draft);
      const saved = nodeId === null ? await api().addNode({ clusterId, fields }) : await api().updateNode({ nodeId, fields });
      set({ isSaving: false, fieldErrors: {} });
      await useProfilesStore.getState().load();
      const selection = useSelectionStore.getState();
      selection.setExpanded(`cluster:${clusterId}`, true);
      selection.show({ kind: 'cluster', clusterId: saved.clusterId });
    } catch (err) {
      const e = apiErrorOf(err);
      const fieldErrors = mapFieldErrors(e.fields, nodeDraftFieldOf);
      set({ isSaving: false, fieldErrors, formError: formErrorSummary(fieldErrors, (key) => isDraftField(draft, key), e.message) });
    }
  },
  cancel() {
    const { clusterId } = get();
    useSelectionStore.getState().show({ kind: 'cluster', clusterId });
  },
}));
