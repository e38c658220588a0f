/**
 * Bulk re-key after a node or a whole cluster was reinstalled: scans each
 * node's host key (one at a time), compares it with the saved key, and lists
 * the result; a changed or new key is saved only when the operator accepts it.
 */
import { useState } from 'react';
import { SelectField } from '../../controls/SelectField';
import { useKnownHostsStore, type RekeyRow } from '../../stores/knownHostsStore';
import { useProfilesStore } from '../../stores/profilesStore';
import { keyTypeLabel } from './keyTypeLabel';

const STATUS_WORDS: Record<RekeyRow['status'], string> = {
  unchanged: 'unchanged',
  changed: 'CHANGED',
  new: 'not saved yet',
  unreachable: 'not reachable',
};

export function RekeyPanel() {
  const clusters = useProfilesStore((s) => s.clusters);
  const { rekey, runRekey, acceptRekey } = useKnownHostsStore();
  const [clusterId, setClusterId] = useState('');
  const cluster = clusters.find((c) => c.id === clusterId) ?? clusters[0];
  const nodeName = (id: string) => clusters.flatMap((c) => c.nodes).find((n) => n.id === id)?.name ?? id;
  if (!cluster) return <p className="muted-block">Add a cluster to re-key its nodes.</p>;
  return (
    <section aria-labelledby="rekey-title" className="ssh-rekey">
      <h2 id="rekey-title" className="section-title">
        Re-key reinstalled nodes
      </h2>
      <p className="muted">
        After a reinstall every node presents new host keys and ClusterDeck refuses to connect. This reads each node's key (nothing else is
        sent), shows what changed, and saves a new key only when you accept it.
      </p>
      <div className="toolbar">
        <SelectField label="Cluster" value={cluster.id} options={clusters.map((c) => ({ value: c.id, label: c.name }))} onChange={setClusterId} />
        <button
          type="button"
          className="button"
          disabled={rekey.isRunning || cluster.nodes.length === 0}
          onClick={() => void runRekey(cluster.name, cluster.nodes.map((n) => n.id))}
        >
          {rekey.isRunning ? 'Reading host keys…' : `Re-key ${cluster.nodes.length} node${cluster.nodes.length === 1 ? '' : 's'} of ${cluster.name}`}
        </button>
      </div>
      {rekey.error && (
        <div className="form-error" role="alert">
          {rekey.error}
        </div>
      )}
      {rekey.rows.length > 0 && (
        <table className="data-table" aria-label={`Re-key results for ${rekey.clusterName ?? ''}`}>
          <thead>
            <tr>
              <th>Node</th>
              <th>Address</th>
              <th>Result</th>
              <th>Key now</th>
              <th>Saved key</th>
              <th aria-label="Actions" />
            </tr>
          </thead>
          <tbody>
            {rekey.rows.map((r) => (
              <tr key={r.nodeId} className={`ssh-rekey-${r.status}`}>
                <td>{nodeName(r.nodeId)}</td>
                <td className="mono">
                  {r.host}:{r.port}
                </td>
                <td>
                  {r.replaced ? 'replaced' : STATUS_WORDS[r.status]}
                  {r.message && <div className="muted">{r.message}</div>}
                  {r.replaceError && <div className="field-error">{r.replaceError}</div>}
                </td>
                <td className="mono">{r.fingerprint ? `${keyTypeLabel(r.keyType ?? '')} ${r.fingerprint}` : '—'}</td>
                <td className="mono">{r.previousFingerprint ?? '—'}</td>
                <td className="row-actions">
                  {(r.status === 'changed' || r.status === 'new') && r.fingerprint && !r.replaced && !r.message && (
                    <button type="button" className="button small danger" onClick={() => void acceptRekey(r.nodeId)} aria-label={`Accept new key of ${nodeName(r.nodeId)}`}>
                      {r.status === 'changed' ? 'Replace key' : 'Trust key'}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
