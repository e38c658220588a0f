/**
 * A refused, changed host key: the saved and the presented fingerprints side
 * by side, and the explicit way on. The node's own key is replaced with the
 * key it was seen presenting; a jump host's saved key is forgotten, so the
 * next connection asks about its new key like a new host. A jump host's old
 * line in ~/.ssh/known_hosts can only be removed by the operator (the file
 * is read-only to ClusterDeck), so the view gives the ssh-keygen command.
 */
import { useConnectionTestStore } from '../../stores/connectionTestStore';
import type { ChangedHostKey } from './hostKeyChange';
import { isNodeOwnKey, knownHostsRemoval } from './hostKeyChange';
import { keyTypeLabel } from './keyTypeLabel';

export function ChangedHostKeyView(props: { nodeId: string; nodeName: string; node: { host: string; port: number }; change: ChangedHostKey }) {
  const { nodeId, nodeName, change } = props;
  const fix = useConnectionTestStore((s) => s.keyFix[nodeId]);
  const replaceKey = useConnectionTestStore((s) => s.replaceKey);
  const forgetKeyAndRetest = useConnectionTestStore((s) => s.forgetKeyAndRetest);
  const test = useConnectionTestStore((s) => s.test);
  const isOwn = isNodeOwnKey(change, props.node);
  const isJumpInFile = !isOwn && change.savedInFile !== null;
  return (
    <section className="ssh-changed" aria-labelledby={`changed-${nodeId}`}>
      <h3 id={`changed-${nodeId}`}>Host key changed: {change.where}</h3>
      <p>
        {change.where} presented a different host key than the one {change.savedInFile ? `in ${change.savedInFile}` : 'ClusterDeck saved'}, so
        ClusterDeck did not connect and sent nothing to it. If {isOwn ? nodeName : 'this jump host'} was reinstalled, accept its new key;
        otherwise someone may be between you and the host: do not connect, and ask its administrator.
      </p>
      <div className="ssh-keys-side" role="table" aria-label="Saved and presented host keys">
        <div role="row" className="ssh-key-card is-old">
          <span role="rowheader">Saved key{change.savedInFile ? ` (${change.savedInFile})` : ''}</span>
          <span role="cell">{keyTypeLabel(change.saved.keyType)}</span>
          <span role="cell" className="mono" data-testid="saved-fingerprint">
            {change.saved.fingerprint}
          </span>
        </div>
        <div role="row" className="ssh-key-card is-new">
          <span role="rowheader">Presented now</span>
          <span role="cell">{keyTypeLabel(change.presented.keyType)}</span>
          <span role="cell" className="mono" data-testid="presented-fingerprint">
            {change.presented.fingerprint}
          </span>
        </div>
      </div>
      {isJumpInFile ? (
        <div className="toolbar">
          <span>
            The old key is in {change.savedInFile}, which ClusterDeck only reads. If the jump host was reinstalled, remove it there with{' '}
            <code>{knownHostsRemoval(change)}</code>, then test again.
          </span>
          <button type="button" className="button" onClick={() => void test(nodeId)}>
            Test again
          </button>
        </div>
      ) : (
        <div className="toolbar">
          {isOwn ? (
            <button type="button" className="button danger" disabled={fix?.isBusy} onClick={() => void replaceKey(nodeId, change.presented.fingerprint)}>
              Replace key
            </button>
          ) : (
            <button type="button" className="button danger" disabled={fix?.isBusy} onClick={() => void forgetKeyAndRetest(nodeId, change.host, change.port)}>
              Forget {change.host}:{change.port} key and test again
            </button>
          )}
          <span className="muted">
            {isOwn
              ? `Saves ${change.presented.fingerprint} for ${change.host}:${change.port} in place of the old key${change.savedInFile ? ' (ClusterDeck’s saved keys come before ~/.ssh/known_hosts)' : ''}, then tests again.`
              : 'You will be asked to trust the new key, with its fingerprint.'}
          </span>
        </div>
      )}
      {fix?.error && (
        <div className="form-error" role="alert">
          {fix.error}
        </div>
      )}
      {fix?.done && <p className="muted">{fix.done}</p>}
    </section>
  );
}
