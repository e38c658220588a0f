/**
 * The Known hosts screen: every host key ClusterDeck saved (host, port, key
 * type, SHA256 fingerprint, when), forgetting a host's keys after saying
 * exactly which, the lines of ~/.ssh/known_hosts the engine also trusts
 * (read-only here: markers, hashed names, which saved nodes they name), and
 * the bulk re-key of reinstalled nodes.
 */
import { useEffect } from 'react';
import type { FileKnownHost, KnownHostsFileInfo } from '../../../common/contract/schemas/ssh';
import { hostPortOf, useKnownHostsStore } from '../../stores/knownHostsStore';
import { keyTypeLabel } from './keyTypeLabel';
import { RekeyPanel } from './RekeyPanel';

export function KnownHostsView() {
  const { saved, fileLines, knownHostsFile, status, error, confirmingForget, load, askForget, forget } = useKnownHostsStore();
  useEffect(() => {
    void load();
  }, [load]);
  const fileLabel = knownHostsFile?.label ?? '~/.ssh/known_hosts';
  return (
    <section className="pane" aria-labelledby="known-hosts-title">
      <header className="pane-header">
        <h1 id="known-hosts-title">Known hosts</h1>
        <span className="pane-subtitle">Host keys ClusterDeck trusts</span>
      </header>
      <p className="muted">
        ClusterDeck checks every host's key before it sends anything. For a host with keys saved here, only those count; otherwise the keys in
        your {fileLabel} do. A key on a @revoked line is refused for every host.
      </p>
      <div className="toolbar">
        <button type="button" className="button small" disabled={status === 'loading'} onClick={() => void load()}>
          {status === 'loading' ? 'Reading…' : 'Reload'}
        </button>
      </div>
      {error && (
        <div className="form-error" role="alert">
          {error}
        </div>
      )}
      {status === 'loading' && saved.length === 0 && fileLines.length === 0 && <p className="muted-block">Loading…</p>}

      <h2 className="section-title">Saved in ClusterDeck</h2>
      {status !== 'loading' && saved.length === 0 && !error && (
        <p className="muted-block">No host keys saved yet. They are saved when you choose "Trust and remember" in a host key dialog.</p>
      )}
      {saved.length > 0 && (
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
            {saved.map((e) => {
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

      {knownHostsFile && <KnownHostsFileSection file={knownHostsFile} lines={fileLines} />}
      <RekeyPanel />
    </section>
  );
}

function KnownHostsFileSection({ file, lines }: { file: KnownHostsFileInfo; lines: FileKnownHost[] }) {
  return (
    <section aria-labelledby="known-hosts-file-title" className="ssh-known-hosts-file">
      <h2 id="known-hosts-file-title" className="section-title">
        In {file.label}
      </h2>
      <p className="muted">
        Read-only: ClusterDeck never changes this file. To change what it trusts, edit <span className="mono">{file.path}</span> (for example{' '}
        <span className="mono">ssh-keygen -R host</span>), then Reload.
      </p>
      {file.state === 'missing' && <p className="muted-block">There is no {file.path}, so no keys are trusted from it.</p>}
      {file.state === 'unreadable' && <p className="ssh-note">{file.message}</p>}
      {file.skipped > 0 && (
        <p className="ssh-note" data-testid="known-hosts-skipped">
          {file.skipped === 1 ? '1 line' : `${file.skipped} lines`} of the file could not be read and {file.skipped === 1 ? 'is' : 'are'} ignored, as
          OpenSSH does: line {file.skippedLines.join(', ')}
          {file.skipped > file.skippedLines.length ? ', …' : ''}.
        </p>
      )}
      {file.state === 'read' && lines.length === 0 && <p className="muted-block">The file lists no host keys.</p>}
      {lines.length > 0 && (
        <table className="data-table" aria-label={`Lines of ${file.label}`}>
          <thead>
            <tr>
              <th>Line</th>
              <th>Hosts</th>
              <th>Marker</th>
              <th>Key type</th>
              <th>Fingerprint</th>
              <th>Your nodes</th>
              <th aria-label="Actions" />
            </tr>
          </thead>
          <tbody>
            {lines.map((l) => (
              <tr key={l.line} className={l.marker ? `ssh-line-${l.marker}` : undefined}>
                <td className="mono">{l.line}</td>
                <td>
                  <HostPatterns patterns={l.patterns} />
                </td>
                <td>
                  <MarkerBadge marker={l.marker} />
                </td>
                <td>{keyTypeLabel(l.keyType)}</td>
                <td className="mono">{l.fingerprint}</td>
                <td>
                  <MatchedNodes line={l} />
                </td>
                <td className="muted">read-only, edit {file.label}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** Patterns as written, except hashed names: the hash says nothing to a person, so "hashed" (hover shows it). */
function HostPatterns({ patterns }: { patterns: string[] }) {
  return (
    <span className="ssh-patterns">
      {patterns.map((p, i) => {
        const negated = p.startsWith('!');
        const isHashed = p.replace(/^!/, '').startsWith('|');
        return isHashed ? (
          <span key={i} className="badge badge-unknown" title={p}>
            {negated ? 'not ' : ''}hashed
          </span>
        ) : (
          <span key={i} className="mono">
            {p}
          </span>
        );
      })}
    </span>
  );
}

/** How many names of one cluster are shown before "and N more" (a "*" line names every node). */
const NAMES_SHOWN = 4;

function MatchedNodes({ line }: { line: FileKnownHost }) {
  if (line.matches.length === 0) return <span className="muted">{line.hashed ? 'hashed: names none of your nodes' : 'none'}</span>;
  const byCluster = new Map<string, { clusterName: string; names: string[] }>();
  for (const m of line.matches) {
    const group = byCluster.get(m.clusterId) ?? { clusterName: m.clusterName, names: [] };
    group.names.push(m.name);
    byCluster.set(m.clusterId, group);
  }
  return (
    <>
      {[...byCluster].map(([clusterId, { clusterName, names }]) => (
        <div key={clusterId} title={names.join(', ')}>
          {names.slice(0, NAMES_SHOWN).join(', ')}
          {names.length > NAMES_SHOWN ? ` and ${names.length - NAMES_SHOWN} more` : ''} <span className="muted">({clusterName})</span>
        </div>
      ))}
    </>
  );
}

const MARKER_NOTES = {
  revoked: 'never accepted, for any host',
  // hostKeyDecision.ts: ssh2 does not negotiate host certificates, so a CA line cannot vouch.
  'cert-authority': 'not used: ClusterDeck cannot check host certificates',
} as const;

function MarkerBadge({ marker }: { marker: FileKnownHost['marker'] }) {
  if (!marker) return <span className="muted">—</span>;
  return (
    <>
      <span className={`badge ${marker === 'revoked' ? 'badge-failed' : 'badge-warning'}`}>{marker === 'revoked' ? '@revoked' : '@cert-authority'}</span>
      <div className="muted">{MARKER_NOTES[marker]}</div>
    </>
  );
}
