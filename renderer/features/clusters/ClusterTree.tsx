/**
 * The sidebar tree Cluster > Node > Service, keyboard first: one tab stop
 * (roving tabindex), arrows move/collapse/expand, Enter opens, per the
 * WAI-ARIA tree view pattern. The moves themselves live in clusterTreeRows.
 * The services come from core's catalog and the states from its sweeps;
 * the tree is always on screen, so it keeps both subscribed and loaded.
 */
import { useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import type { ClusterNode, ClusterWithNodes } from '../../../common/contract/schemas/profiles';
import { useProfilesStore } from '../../stores/profilesStore';
import { restoreIntervals, useServiceStatusStore, watchServiceStatus } from '../../stores/serviceStatusStore';
import { useSelectionStore, type MainView } from '../../stores/selectionStore';
import { ServiceActionDialog } from '../services/ServiceActionDialog';
import { ClusterTreeRow } from './ClusterTreeRow';
import { treeKeyMove, visibleTreeRows, type TreeRow, type TreeService } from './clusterTreeRows';

function viewOfRow(row: TreeRow): MainView {
  if (row.kind === 'cluster') return { kind: 'cluster', clusterId: row.clusterId };
  if (row.kind === 'node') return { kind: 'node', nodeId: row.nodeId ?? '' };
  return { kind: 'service', nodeId: row.nodeId ?? '', role: row.role ?? 'manager', serviceId: row.serviceId ?? undefined };
}

function rowOfView(view: MainView): string | null {
  switch (view.kind) {
    case 'cluster':
      return `cluster:${view.clusterId}`;
    case 'node':
      return `node:${view.nodeId}`;
    case 'service':
      return `service:${view.nodeId}:${view.serviceId ?? view.role}`;
    default:
      return null;
  }
}

export function ClusterTree() {
  const clusters = useProfilesStore((s) => s.clusters);
  const { expanded, focusedRowId, view, focusRow, setExpanded, show } = useSelectionStore();
  const serviceState = useServiceStatusStore((s) => s.clusters);
  const rows = useMemo(() => {
    const servicesOf = (cluster: ClusterWithNodes, node: ClusterNode): TreeService[] | undefined =>
      serviceState[cluster.id]?.services?.nodes
        .find((n) => n.nodeId === node.id)
        ?.services.map((s) => ({ id: s.id, role: s.role, label: s.label, runsAs: s.kind === 'systemd' ? s.unit : s.composeFile }));
    return visibleTreeRows(clusters, expanded, servicesOf);
  }, [clusters, expanded, serviceState]);
  const clusterKey = clusters.map((c) => `${c.id}@${c.updatedAt}:${c.nodes.map((n) => n.updatedAt).join(',')}`).join('|');

  useEffect(() => watchServiceStatus(), []);
  useEffect(() => {
    // Node roles or cluster settings changed: the resolved services may have too.
    const ids = clusterKey ? clusterKey.split('|').map((k) => k.split('@')[0] ?? '') : [];
    void useServiceStatusStore.getState().loadAll(ids).then(() => restoreIntervals(ids));
  }, [clusterKey]);
  const rowEls = useRef(new Map<string, HTMLDivElement>());
  const hasFocusInside = useRef(false);
  const selectedId = rowOfView(view);
  const tabStop = rows.some((r) => r.id === focusedRowId) ? focusedRowId : (rows[0]?.id ?? null);

  useEffect(() => {
    // Move DOM focus with the roving tabindex, but only while the tree has focus.
    if (hasFocusInside.current && tabStop) rowEls.current.get(tabStop)?.focus();
  }, [tabStop]);

  const siblings = useMemo(() => {
    const counts = new Map<string, { size: number; pos: Map<string, number> }>();
    for (const r of rows) {
      const key = r.parentId ?? '';
      const entry = counts.get(key) ?? { size: 0, pos: new Map<string, number>() };
      entry.size += 1;
      entry.pos.set(r.id, entry.size);
      counts.set(key, entry);
    }
    return counts;
  }, [rows]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const move = treeKeyMove(rows, tabStop, e.key, expanded);
    if (move.type === 'none') return;
    e.preventDefault();
    if (move.type === 'focus') focusRow(move.id);
    else if (move.type === 'expand') setExpanded(move.id, true);
    else if (move.type === 'collapse') setExpanded(move.id, false);
    else if (move.type === 'open') {
      const row = rows.find((r) => r.id === move.id);
      if (row) show(viewOfRow(row));
    }
  };

  return (
    <>
      <div
        role="tree"
        aria-label="Clusters"
        className="tree"
        onKeyDown={onKeyDown}
        onFocus={() => (hasFocusInside.current = true)}
        onBlur={(e) => {
          if (!e.currentTarget.contains(e.relatedTarget as Node | null)) hasFocusInside.current = false;
        }}
      >
        {rows.map((row) => {
          const sib = siblings.get(row.parentId ?? '');
          return (
            <ClusterTreeRow
              key={row.id}
              row={row}
              cluster={row.kind === 'cluster' ? clusters.find((c) => c.id === row.clusterId) : undefined}
              isExpanded={expanded.has(row.id)}
              isFocused={row.id === tabStop}
              isSelected={row.id === selectedId}
              setSize={sib?.size ?? 1}
              posInSet={sib?.pos.get(row.id) ?? 1}
              registerElement={(el) => {
                if (el) rowEls.current.set(row.id, el);
                else rowEls.current.delete(row.id);
              }}
              onClick={() => {
                focusRow(row.id);
                show(viewOfRow(row));
              }}
              onToggle={() => setExpanded(row.id, !expanded.has(row.id))}
            />
          );
        })}
      </div>
      {/* Outside the tree: its arrow and Enter keys must not reach the tree's keyboard handler. */}
      <ServiceActionDialog />
    </>
  );
}
