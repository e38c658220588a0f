/**
 * The Known hosts screen: every host key ClusterDeck saved (host, port, key
 * type, SHA256 fingerprint, when), forgetting a host's keys after saying
 * exactly which, and the bulk re-key of reinstalled nodes. Keys in
 * ~/.ssh/known_hosts are also trusted but read-only here, and listed only
 * when core reports them.
 */
import { useEffect } from 'react';
import { hostPortOf, useKnownHostsStore } from '../../stores/knownHostsStore';
import { keyTypeLabel } from './keyTypeLabel';
import { RekeyPanel } from './RekeyPanel';

export function KnownHostsView() {
  const { entries, status, error, confirmingForget, load, askForget, forget } = useKnownHostsStore();
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <section className="pane" aria-labelledby="known-hosts-title">
      <header className="pane-header">
        <h1 id="known-hosts-title">Known hosts</h1>
        <span className="pane-subtitle">Host keys ClusterDeck trusts</span>
      </header>
      <p className="muted">
        ClusterDeck checks every host's key before it sends anything. It trusts the keys saved here and the ones in your ~/.ssh/known_hosts
        (read-only: edit that file with ssh-keygen -R).
      </p>
      {error && (
        <div className="form-error" role="alert">
          {error}
        </div>
      )}
      {status === 'loading' && entries.length === 0 && <p className="muted-block">Loading…</p>}
      {status !== 'loading' && entries.length === 0 && !error && (
        <p className="muted-block">No host keys saved yet. They are saved when you choose "Trust and remember" in a host key dialog.</p>
      )}
      {entries.length > 0 && (
        <table className="data-table" aria-label="Saved host keys">
          <thead>
            <tr>
              <th>Host</th>
              <th>Key type</th>
              <th>Fingerprint</th>
              <th>Saved</th>
              <th aria-label="Actions" />
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => {
              const hp = hostPortOf(e);
              return (
                <tr key={`${hp}/${e.keyType}`}>
                  <td className="mono">{hp}</td>
                  <td>{keyTypeLabel(e.keyType)}</td>
                  <td className="mono">{e.fingerprint}</td>
                  <td className="nowrap">{e.savedAt.slice(0, 16).replace('T', ' ')}</td>
                  <td className="row-actions">
                    {confirmingForget === hp ? (
                      <>
                        <span className="muted">Forget every saved key of {hp}? The next connection asks again.</span>
                        <button type="button" className="button small danger" onClick={() => void forget(e.host, e.port)}>
                          Forget {hp}
                        </button>
                        <button type="button" className="button small" onClick={() => askForget(null)}>
                          Keep
                        </button>
                      </>
                    ) : (
                      <button type="button" className="button small" aria-label={`Forget ${hp}`} onClick={() => askForget(hp)}>
                        Forget
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <RekeyPanel />
    </section>
  );
}
