/**
 * Saved credentials of a cluster (defaults for its nodes) or of one node
 * (overrides): SSH password, key passphrase, sudo password. A value goes to
 * main with setSecret and never comes back; the form shows only "saved" and
 * when, with Replace and Forget. Not a part of the editor's own Save.
 */
import { useEffect, useState, type KeyboardEvent } from 'react';
import type { SecretKind, SecretScope } from '../../../common/contract/schemas/ssh';
import { FormSection } from '../../controls/FormSection';
import { useAppStore } from '../../stores/appStore';
import { savedSecretOf, secretSlot, useSecretsStore } from '../../stores/secretsStore';

const KINDS: { kind: SecretKind; label: string; hint: string }[] = [
  { kind: 'ssh-password', label: 'SSH password', hint: 'For password or keyboard-interactive login.' },
  { kind: 'key-passphrase', label: 'Key passphrase', hint: 'Decrypts the private key file.' },
  { kind: 'sudo-password', label: 'sudo password', hint: 'Typed only at the exact sudo prompt, never on a command line.' },
];

function SecretRow(props: { clusterId: string; scope: SecretScope; kind: SecretKind; label: string; hint: string; inherited: boolean }) {
  const { clusterId, scope, kind } = props;
  const [value, setValue] = useState('');
  const saved = useSecretsStore((s) => savedSecretOf(s.byCluster[clusterId], scope, kind));
  const slot = secretSlot(scope, kind);
  const isBusy = useSecretsStore((s) => s.busySlot === slot);
  const error = useSecretsStore((s) => s.slotErrors[slot]);
  const { save, forget } = useSecretsStore();
  const id = `secret-${slot}`;
  const submit = async () => {
    if (value === '') return;
    if (await save(clusterId, scope, kind, value)) setValue('');
  };
  const onKeyDown = (e: KeyboardEvent) => {
    // Enter saves this secret, not the surrounding editor.
    if (e.key === 'Enter') {
      e.preventDefault();
      void submit();
    }
  };
  const state = saved ? `saved ${saved.updatedAt.slice(0, 16).replace('T', ' ')} UTC` : props.inherited ? "not saved here (the cluster's is used)" : 'not saved';
  return (
    <div className={`field field-full ssh-secret${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>
        {props.label} <span className="muted" data-testid={`${kind}-state`}>· {state}</span>
      </label>
      <div className="ssh-secret-row">
        <input
          id={id}
          type="password"
          autoComplete="new-password"
          value={value}
          placeholder={saved ? 'Type a new value to replace it' : props.hint}
          aria-invalid={error ? true : undefined}
          onKeyDown={onKeyDown}
          onChange={(e) => setValue(e.target.value)}
        />
        <button type="button" className="button small" disabled={isBusy || value === ''} onClick={() => void submit()}>
          {saved ? `Replace ${props.label}` : `Save ${props.label}`}
        </button>
        {saved && (
          <button type="button" className="button small danger" disabled={isBusy} onClick={() => void forget(clusterId, scope, kind)}>
            Forget {props.label}
          </button>
        )}
      </div>
      {error && (
        <div className="field-error" role="alert">
          {error}
        </div>
      )}
    </div>
  );
}

export function SecretFields(props: { clusterId: string | null; nodeId?: string | null; isNode: boolean }) {
  const { clusterId, nodeId, isNode } = props;
  const secrets = useAppStore((s) => s.info?.secrets);
  const openUnlock = useSecretsStore((s) => s.openUnlock);
  const load = useSecretsStore((s) => s.load);
  const list = useSecretsStore((s) => (clusterId ? s.byCluster[clusterId] : undefined));
  const loadError = useSecretsStore((s) => s.loadError);
  useEffect(() => {
    if (clusterId) void load(clusterId);
  }, [clusterId, load, secrets]);
  const title = isNode ? 'Saved secrets of this node' : 'Saved secrets (defaults for every node)';
  const ownerId = isNode ? nodeId : clusterId;
  if (!clusterId || !ownerId) {
    return (
      <div className="editor">
        <FormSection title={title}>
          <p className="muted">Save the {isNode ? 'node' : 'cluster'} first; then its passwords and passphrases can be stored here.</p>
        </FormSection>
      </div>
    );
  }
  const scope: SecretScope = isNode ? { nodeId: ownerId } : { clusterId: ownerId };
  return (
    <div className="editor">
      <FormSection title={title} description="Encrypted on this computer. ClusterDeck never shows a saved value again; type a new one to replace it.">
        {secrets === 'locked' && (
          <p className="ssh-note">
            Saved secrets are locked.{' '}
            <button type="button" className="link-button" onClick={openUnlock}>
              Unlock them
            </button>{' '}
            to save or use passwords.
          </p>
        )}
        {secrets === 'unavailable' && <p className="form-error">This computer offers no secure storage, so secrets cannot be saved.</p>}
        {loadError && secrets !== 'locked' && <p className="form-error">{loadError}</p>}
        {KINDS.map((k) => (
          <SecretRow
            key={k.kind}
            clusterId={clusterId}
            scope={scope}
            kind={k.kind}
            label={k.label}
            hint={k.hint}
            inherited={isNode && savedSecretOf(list, { clusterId }, k.kind) !== undefined}
          />
        ))}
      </FormSection>
    </div>
  );
}
