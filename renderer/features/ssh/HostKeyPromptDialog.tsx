/**
 * Asks whether to trust a host key the engine has never seen. The handshake
 * waits on this answer, so nothing is sent to the host before it. Escape is
 * Cancel. Several questions queue; this shows the oldest.
 */
import { Modal } from '../../controls/Modal';
import { usePromptStore } from '../../stores/promptStore';
import { keyTypeLabel } from './keyTypeLabel';
import type { HostKeyPrompt } from './promptQueue';

export function HostKeyPromptDialog(props: { prompt: HostKeyPrompt; waiting: number }) {
  const { prompt, waiting } = props;
  const { busyId, error, answerHostKey } = usePromptStore();
  const isBusy = busyId === prompt.promptId;
  const answer = (decision: 'trust-remember' | 'trust-once' | 'cancel') => void answerHostKey(prompt.promptId, decision);
  const address = `${prompt.host}:${prompt.port}`;
  const title = prompt.hop === 'jump' ? `Trust the jump host ${address}?` : `Trust the host key of ${prompt.nodeName}?`;
  return (
    <Modal
      title={title}
      width="wide"
      error={error}
      onClose={() => answer('cancel')}
      onSubmit={() => answer('trust-remember')}
      actions={
        <>
          <button type="submit" className="button primary" disabled={isBusy}>
            Trust and remember
          </button>
          <button type="button" className="button" disabled={isBusy} onClick={() => answer('trust-once')}>
            Trust once
          </button>
          <button type="button" className="button" disabled={isBusy} onClick={() => answer('cancel')} autoFocus>
            Cancel
          </button>
        </>
      }
    >
      <p>
        ClusterDeck has not seen this host before. Compare the fingerprint with the one the node's administrator gives you (on the node:{' '}
        <code>ssh-keygen -lf /etc/ssh/ssh_host_{prompt.keyType === 'ssh-ed25519' ? 'ed25519' : prompt.keyType.startsWith('ecdsa') ? 'ecdsa' : 'rsa'}_key.pub</code>)
        before you trust it. Nothing has been sent to the host yet.
      </p>
      <dl className="facts ssh-key-facts" aria-label="Host key">
        <div>
          <dt>Node</dt>
          <dd>{prompt.nodeName}</dd>
        </div>
        <div>
          <dt>Address</dt>
          <dd className="mono">
            {address}
            {prompt.hop === 'jump' ? ` (jump host on the way to ${prompt.nodeName})` : ''}
          </dd>
        </div>
        <div>
          <dt>Key type</dt>
          <dd>{keyTypeLabel(prompt.keyType)}</dd>
        </div>
        <div>
          <dt>Fingerprint</dt>
          <dd className="mono ssh-fingerprint" data-testid="hostkey-fingerprint">
            {prompt.fingerprint}
          </dd>
        </div>
      </dl>
      {prompt.coveredByCertAuthority && (
        <p className="ssh-note" role="note">
          ~/.ssh/known_hosts has a @cert-authority line for this host. ClusterDeck cannot check host certificates, so it asks about the key
          itself; if you trust the CA, the key is most likely fine.
        </p>
      )}
      {waiting > 0 && <p className="muted">{waiting === 1 ? '1 more question is waiting.' : `${waiting} more questions are waiting.`}</p>}
    </Modal>
  );
}
