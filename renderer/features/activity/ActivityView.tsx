/** The activity log: every action with who, what, where, when and how it ended, newest first. */
import { useEffect } from 'react';
import { useActivityStore } from '../../stores/activityStore';
import { useProfilesStore } from '../../stores/profilesStore';

export function ActivityView() {
  const { entries, error, isLoading, load } = useActivityStore();
  const clusters = useProfilesStore((s) => s.clusters);
  useEffect(() => {
    void load();
  }, [load, clusters]);
  const clusterName = (id: string | null) => (id === null ? '—' : (clusters.find((c) => c.id === id)?.name ?? 'deleted cluster'));
  return (
    <section className="pane" aria-labelledby="activity-title">
      <header className="pane-header">
        <h1 id="activity-title">Activity</h1>
        <span className="pane-subtitle">{isLoading ? 'loading…' : `${entries.length} latest entries`}</span>
      </header>
      {error && (
        <div className="form-error" role="alert">
          {error}
        </div>
      )}
      <table className="data-table" aria-label="Activity log">
        <thead>
          <tr>
            <th>When</th>
            <th>Who</th>
            <th>Action</th>
            <th>Cluster</th>
            <th>Target</th>
            <th>Result</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id}>
              <td className="mono nowrap">{new Date(e.at).toLocaleString()}</td>
              <td>{e.actor}</td>
              <td className="mono">{e.action}</td>
              <td>{clusterName(e.clusterId)}</td>
              <td title={e.detail}>{e.target}</td>
              <td>
                <span className={`badge badge-${e.result === 'ok' ? 'ok' : e.result === 'failed' ? 'failed' : 'unknown'}`}>{e.result}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
