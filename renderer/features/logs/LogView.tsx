/**
 * The main pane for one service's log on one node, or merged across every
 * node that runs it (a badge per line). Reading options reopen the stream;
 * showing options only re-filter what is loaded. Closing the view closes
 * the stream, which ends the remote journalctl / compose logs.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ClusterWithNodes } from '../../../common/contract/schemas/profiles';
import { logBufferOf, useLogStreamStore } from '../../stores/logStreamStore';
import { PaneCrumbs } from '../shell/PaneCrumbs';
import { saveTextFile } from '../clusters/saveTextFile';
import { compileSearch } from './logLineMatch';
import { logExportFileName, logExportText } from './logExport';
import { LogList } from './LogList';
import { LogNodeStates } from './LogNodeStates';
import { LogToolbar, type LogReadOptions, type LogShowOptions } from './LogToolbar';
import type { LogLine } from '../../../common/contract/schemas/logs';
import './logs.css';

const BADGE_COLORS = ['#2563eb', '#c2410c', '#7c3aed', '#0f766e', '#be185d', '#4d7c0f', '#0369a1', '#a16207'];

/** datetime-local text (the operator's local time) to ISO 8601. */
function sinceIso(local: string): string | null {
  if (local === '') return null;
  const d = new Date(local);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

export function LogView(props: { cluster: ClusterWithNodes; serviceId: string; nodeIds: string[] | null }) {
  const { cluster, serviceId, nodeIds } = props;
  const open = useLogStreamStore((s) => s.open);
  const close = useLogStreamStore((s) => s.close);
  const [read, setRead] = useState<LogReadOptions>({ lastN: 1_000, since: '', follow: true });
  const [look, setLook] = useState<LogShowOptions>({ minLevel: null, search: '', onlyMatches: false, wrap: false, colours: true });
  const visibleRef = useRef<readonly number[]>([]);
  const searchRef = useRef<HTMLInputElement>(null);
  const nodeKey = nodeIds?.join(',') ?? '*';
  const viewKey = `${cluster.id}/${serviceId}/${nodeKey}`;
  const streamId = useLogStreamStore((s) => s.current[viewKey] ?? null);

  useEffect(() => {
    const id = open(viewKey, { clusterId: cluster.id, serviceId, nodeIds: nodeKey === '*' ? null : nodeKey.split(','), lastN: read.lastN, since: sinceIso(read.since), follow: read.follow });
    return () => close(id);
  }, [viewKey, cluster.id, serviceId, nodeKey, read.lastN, read.since, read.follow, open, close]);

  const view = useLogStreamStore((s) => (streamId ? s.streams[streamId] : undefined));
  const buffer = streamId ? logBufferOf(streamId) : undefined;
  const merged = view?.merged ?? nodeIds === null;
  const names = useMemo(() => new Map(cluster.nodes.map((n) => [n.id, n.name])), [cluster.nodes]);
  const colors = useMemo(() => new Map(cluster.nodes.map((n, i) => [n.id, BADGE_COLORS[i % BADGE_COLORS.length] ?? '#666'])), [cluster.nodes]);
  const search = useMemo(() => compileSearch(look.search), [look.search]);
  const filter = useMemo(() => ({ minLevel: look.minLevel, search, onlyMatches: look.onlyMatches }), [look.minLevel, search, look.onlyMatches]);

  const exportLog = () => {
    if (!buffer) return;
    const lines = visibleRef.current.map((a) => buffer.at(a)).filter((l): l is LogLine => l !== undefined);
    const single = nodeIds?.length === 1 ? (names.get(nodeIds[0] ?? '') ?? null) : null;
    saveTextFile(logExportFileName({ cluster: cluster.name, service: serviceId, node: single, at: new Date() }), logExportText(lines, names, merged), 'text/plain');
  };

  const title = view?.serviceLabel ?? serviceId;
  const where = nodeIds === null ? 'all nodes' : nodeIds.map((id) => names.get(id) ?? id).join(', ');
  return (
    <section
      className="pane log-pane"
      aria-labelledby="logs-title"
      onKeyDown={(e) => {
        // Ctrl/Cmd+F searches the loaded lines: the browser's own find cannot see rows the list has not drawn.
        if ((e.ctrlKey || e.metaKey) && e.key === 'f') {
          e.preventDefault();
          searchRef.current?.focus();
          searchRef.current?.select();
        }
      }}
    >
      <header className="pane-header">
        <PaneCrumbs cluster={cluster} />
        <h1 id="logs-title">
          {title} logs · {where}
        </h1>
      </header>
      <LogToolbar read={read} show={look} onRead={setRead} onShow={setLook} onExport={exportLog} onClear={() => buffer?.clear()} searchRef={searchRef} />
      {view?.error && (
        <p className="form-error" role="alert">
          {view.error}
        </p>
      )}
      {view && <LogNodeStates nodes={view.nodes} colors={colors} follow={read.follow} />}
      {buffer && (
        <LogList
          buffer={buffer}
          filter={filter}
          colours={look.colours}
          wrap={look.wrap}
          nodeNames={merged ? names : null}
          nodeColors={colors}
          visibleRef={visibleRef}
        />
      )}
    </section>
  );
}
