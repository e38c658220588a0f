/**
 * The main pane when nothing is selected: every cluster in one table with
 * its health, to pick one. The first time it shows, it sweeps every cluster
 * saved at launch that core has no fresh status of, so health shows without
 * a click.
 */
import { useEffect } from 'react';
import { useProfilesStore } from '../../stores/profilesStore';
import { clustersAtLaunch, useServiceStatusStore } from '../../stores/serviceStatusStore';
import { HealthDot } from '../services/HealthDot';
import { LastGoodBackupAge } from '../backups/LastGoodBackupAge';
import { useSelectionStore } from '../../stores/selectionStore';

export function ClusterList() {
  const clusters = useProfilesStore((s) => s.clusters);
  const show = useSelectionStore((s) => s.show);
  const health = useServiceStatusStore((s) => s.clusters);
  const sweep = useServiceStatusStore((s) => s.sweep);
  const hasClusters = clusters.length > 0;
  useEffect(() => {
    const launched = new Set(clustersAtLaunch());
    if (!hasClusters || launched.size === 0) return;
    const saved = useProfilesStore.getState().clusters.filter((c) => launched.has(c.id));
    const nodeIds = new Map(saved.map((c) => [c.id, c.nodes.map((n) => n.id)]));
    void useServiceStatusStore.getState().sweepOnLaunch([...nodeIds.keys()], (id) => nodeIds.get(id) ?? []);
  }, [hasClusters]);
  return (
    <section className="pane" aria-labelledby="clusters-title">
      <header className="pane-header">
        <h1 id="clusters-title">All clusters</h1>
        <span className="pane-subtitle">{clusters.length} saved</span>
        <button type="button" className="button" onClick={() => clusters.forEach((c) => void sweep(c.id))}>
          Refresh all
        </button>
      </header>
      <table className="data-table" aria-label="All clusters">
        <thead>
          <tr>
            <th>Cluster</th>
            <th>Health</th>
            <th>Customer</th>
            <th>Nodes</th>
            <th>SSH user</th>
            <th>Last good backup</th>
            <th>Updated</th>
          </tr>
        </thead>
        <tbody>
          {clusters.map((c) => (
            <tr key={c.id}>
              <td>
                <span className="cluster-dot" style={{ backgroundColor: c.color }} aria-hidden="true" />{' '}
                <button type="button" className="link-button" onClick={() => show({ kind: 'cluster', clusterId: c.id })}>
                  {c.name}
                </button>
                {c.isProduction && <span className="prod-tag">PROD</span>}
              </td>
              <td data-health-of={c.name}>
                <HealthDot rollup={health[c.id]?.rollup} /> {health[c.id]?.sweeping ? 'checking…' : (health[c.id]?.rollup?.summary ?? 'not checked')}
              </td>
              <td>{c.customer || <span className="muted">—</span>}</td>
              <td>{c.nodes.length}</td>
              <td className="mono">{c.ssh.user}</td>
              <td>
                <LastGoodBackupAge clusterId={c.id} />
              </td>
              <td className="muted">{new Date(c.updatedAt).toLocaleString()}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
