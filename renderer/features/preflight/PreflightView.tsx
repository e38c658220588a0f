/**
 * The main pane for a node's preflight: runs it on opening, then a table of
 * the guide's checks, worst first, each with pass / warn / fail, what was
 * measured, what the guide asks and a sentence on what it means.
 */
import { useEffect } from 'react';
import type { CheckStatus } from '../../../common/contract/schemas/preflight';
import type { ClusterNode, ClusterWithNodes } from '../../../common/contract/schemas/profiles';
import { usePreflightStore } from '../../stores/preflightStore';
import { PaneCrumbs } from '../shell/PaneCrumbs';
import './preflight.css';

const ORDER: Record<CheckStatus, number> = { fail: 0, warn: 1, pass: 2 };
const BADGE: Record<CheckStatus, string> = { pass: 'badge-ok', warn: 'badge-warning', fail: 'badge-failed' };

export function PreflightView(props: { cluster: ClusterWithNodes; node: ClusterNode }) {
  const { cluster, node } = props;
  const state = usePreflightStore((s) => s.nodes[node.id]);
  const run = usePreflightStore((s) => s.run);
  const hasRun = Boolean(state);
  useEffect(() => {
    if (!hasRun) void run(node.id);
  }, [hasRun, node.id, run]);
  const result = state?.result;
  const checks = result ? [...result.checks].sort((a, b) => ORDER[a.status] - ORDER[b.status]) : [];
  return (
    <section className="pane" aria-labelledby="preflight-title">
      <header className="pane-header">
        <PaneCrumbs cluster={cluster} node={node} />
        <h1 id="preflight-title">Preflight</h1>
        {result && <span className={`badge ${BADGE[result.overall]}`} data-overall={result.overall}>{result.overall}</span>}
      </header>
      <div className="toolbar">
        <button type="button" className="button primary" disabled={state?.running} onClick={() => void run(node.id)}>
          {state?.running ? 'Checking…' : 'Run preflight again'}
        </button>
        <span className="muted">
          Against the installation guide's tables for {node.roles.join(', ') || 'no roles'}.
          {result ? ` Checked ${new Date(result.checkedAt).toLocaleTimeString()} in ${result.durationMs} ms.` : ''}
        </span>
      </div>
      {state?.error && (
        <p className="form-error" role="alert">
          {state.error}
        </p>
      )}
      {result && (
        <table className="preflight-table" aria-label={`Preflight of ${node.name}`}>
          <thead>
            <tr>
              <th>Result</th>
              <th>Check</th>
              <th>Measured</th>
              <th>Guide asks</th>
              <th>What it means</th>
            </tr>
          </thead>
          <tbody>
            {checks.map((c) => (
              <tr key={c.id} data-check={c.id} data-status={c.status}>
                <td>
                  <span className={`badge ${BADGE[c.status]}`}>{c.status}</span>
                </td>
                <td>{c.label}</td>
                <td className="mono">{c.measured ?? '—'}</td>
                <td className="mono">{c.required ?? '—'}</td>
                <td>{c.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
