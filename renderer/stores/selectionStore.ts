/**
 * What the operator is looking at: the tree's focused row and expanded rows,
 * and what the main pane shows (a cluster, a node, a service, or an editor).
 */
import { create } from 'zustand';
import type { Role } from '../../common/contract/schemas/profiles';

export type MainView =
  | { kind: 'home' }
  | { kind: 'cluster'; clusterId: string }
  | { kind: 'node'; nodeId: string }
  | { kind: 'service'; nodeId: string; role: Role; serviceId?: string }
  | { kind: 'cluster-editor'; clusterId: string | null }
  | { kind: 'node-editor'; clusterId: string; nodeId: string | null }
  | { kind: 'activity' }
  | { kind: 'known-hosts' }
  /** nodeIds null: every node of the cluster that runs the service (the merged view). */
  | { kind: 'logs'; clusterId: string; serviceId: string; nodeIds: string[] | null }
  | { kind: 'preflight'; nodeId: string }
  | { kind: 'backups'; clusterId: string };

interface SelectionState {
  view: MainView;
  focusedRowId: string | null;
  expanded: ReadonlySet<string>;
  show(view: MainView): void;
  focusRow(id: string): void;
  setExpanded(id: string, isExpanded: boolean): void;
}

export const useSelectionStore = create<SelectionState>((set) => ({
  view: { kind: 'home' },
  focusedRowId: null,
  expanded: new Set<string>(),
  show(view) {
    set({ view });
  },
  focusRow(id) {
    set({ focusedRowId: id });
  },
  setExpanded(id, isExpanded) {
    set((s) => {
      const expanded = new Set(s.expanded);
      if (isExpanded) expanded.add(id);
      else expanded.delete(id);
      return { expanded };
    });
  },
}));

const seenClusters = new Set<string>();

/** A cluster appears expanded the first time the tree shows it; later the operator's choice stands. */
export function expandNewClusters(clusterIds: readonly string[]): void {
  const { setExpanded } = useSelectionStore.getState();
  for (const id of clusterIds) {
    if (seenClusters.has(id)) continue;
    seenClusters.add(id);
    setExpanded(`cluster:${id}`, true);
  }
}
