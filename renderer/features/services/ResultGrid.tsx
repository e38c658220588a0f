/** Per-node results of a bulk or cluster run: exit code, duration, state after and stderr; nodes still running say so. */
import type { ControlPlan, ControlResult } from '../../../common/contract/schemas/services';
import { resultKey } from '../../stores/serviceActionStore';
import { ServiceStateBadge } from './ServiceStateBadge';

export function ResultGrid(props: { plan: ControlPlan; results: Record<string, ControlResult>; running: readonly string[] }) {
  return (
    <table className="data-table result-grid" aria-label="Result per node">
      <thead>
        <tr>
          <th>Node</th>
          <th>Service</th>
          <th>Result</th>
          <th>Exit</th>
          <th>Time</th>
          <th>State now</th>
          <th>stderr / error</th>
        </tr>
      </thead>
      <tbody>
        {props.plan.commands.map((c) => {
          const key = resultKey(c.nodeId, c.serviceId);
          const r = props.results[key];
          const running = props.running.includes(key);
          return (
            <tr key={key} data-node={c.nodeName} data-result={r ? (r.ok ? 'ok' : 'failed') : running ? 'running' : 'waiting'}>
              <td>{c.nodeName}</td>
              <td>{c.label}</td>
              <td>{r ? (r.ok ? 'ok' : 'failed') : running ? 'running…' : 'waiting'}</td>
              <td className="mono">{r ? (r.exitCode ?? '—') : ''}</td>
              <td>{r ? `${(r.durationMs / 1000).toFixed(1)} s` : ''}</td>
              <td>{r && <ServiceStateBadge status={r.status ?? undefined} />}</td>
              <td className="stderr-cell">{r ? (r.error ?? r.stderr.trim().split('\n').slice(-3).join('\n')) : ''}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
