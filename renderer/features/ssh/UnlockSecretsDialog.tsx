/**
 * The web form's secrets passphrase. Saved passwords and passphrases are
 * sealed under a key derived from it; until it is given they cannot be used
 * or saved. The first passphrase ever entered becomes the one to repeat.
 */
import { useState } from 'react';
import { Modal } from '../../controls/Modal';
import { useSecretsStore } from '../../stores/secretsStore';
import { SubmitCancelActions } from '../../controls/SubmitCancelActions';

export function UnlockSecretsDialog() {
  const { isUnlockOpen, isUnlocking, unlockError, closeUnlock, unlock } = useSecretsStore();
  const [passphrase, setPassphrase] = useState('');
  if (!isUnlockOpen) return null;
  const close = () => {
    setPassphrase('');
    closeUnlock();
  };
  return (
    <Modal
      title="Unlock saved secrets"
      error={unlockError}
      onClose={close}
      onSubmit={() => {
        void unlock(passphrase).then(() => setPassphrase(''));
      }}
      actions={<SubmitCancelActions submitLabel={isUnlocking ? 'Unlocking…' : 'Unlock'} isSubmitDisabled={isUnlocking || passphrase.length === 0} onCancel={close} />}
    >
      <p>
        In the web form, saved SSH passwords, key passphrases and sudo passwords are encrypted with a key made from this passphrase. It is
        kept in memory only, until ClusterDeck stops. The first time, the passphrase you enter here becomes the one to use from then on (at
        least 8 characters).
      </p>
      <div className="form-grid">
        <div className="field field-full">
          <label htmlFor="secrets-passphrase">Secrets passphrase</label>
          <input id="secrets-passphrase" type="password" autoComplete="current-password" autoFocus value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
        </div>
      </div>
    </Modal>
  );
}
