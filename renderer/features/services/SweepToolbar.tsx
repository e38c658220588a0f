/**
 * Refresh now (or cancel the check while it runs, so a hung node does not
 * hold the view), and how often core sweeps the cluster by itself; shows
 * when it last answered.
 */
import type { ClusterWithNodes } from '../../../common/contract/schemas/profiles';
import { useServiceStatusStore } from '../../stores/serviceStatusStore';
import './services.css';

const INTERVALS: [number, string][] = [
  [0, 'off'],
  [10, 'every 10 s'],
  [30, 'every 30 s'],
  [60, 'every minute'],
  [300, 'every 5 minutes'],
];

export function SweepToolbar(props: { cluster: ClusterWithNodes }) {
  const { cluster } = props;
  const state = useServiceStatusStore((s) => s.clusters[cluster.id]);
  const sweep = useServiceStatusStore((s) => s.sweep);
  const cancelSweep = useServiceStatusStore((s) => s.cancelSweep);
  const setInterval = useServiceStatusStore((s) => s.setInterval);
  const seconds = state?.intervalSeconds ?? 0;
  return (
    <div className="sweep-toolbar" role="toolbar" aria-label={`Status of ${cluster.name}`}>
      {state?.sweeping ? (
        <button type="button" className="button" onClick={() => void cancelSweep(cluster.id)}>
          Cancel check
        </button>
      ) : (
        <button type="button" className="button" onClick={() => void sweep(cluster.id)}>
          Refresh status
        </button>
      )}
      <label>
        Auto-refresh{' '}
        <select aria-label="Auto-refresh" value={seconds} onChange={(e) => void setInterval(cluster.id, Number(e.target.value))}>
          {(INTERVALS.some(([n]) => n === seconds) ? INTERVALS : [...INTERVALS, [seconds, `every ${seconds} s`] as [number, string]]).map(([n, label]) => (
            <option key={n} value={n}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <span className="muted">
        {state?.sweeping ? 'Checking… ' : ''}
        {state?.rollup ? state.rollup.summary : 'Not checked yet.'}
        {state?.lastSweepAt ? ` Checked ${new Date(state.lastSweepAt).toLocaleTimeString()}.` : ''}
      </span>
      {state?.error && (
        <span className="form-error-inline" role="alert">
          {state.error}
        </span>
      )}
    </div>
  );
}
