/** In the top bar while the web form's saved secrets are locked: says so and opens the unlock dialog. */
import { useAppStore } from '../../stores/appStore';
import { useSecretsStore } from '../../stores/secretsStore';

export function SecretsLockButton() {
  const secrets = useAppStore((s) => s.info?.secrets);
  const openUnlock = useSecretsStore((s) => s.openUnlock);
  if (secrets !== 'locked') return null;
  return (
    <button type="button" className="button small ssh-locked" onClick={openUnlock} title="Saved passwords and passphrases cannot be used until you unlock them.">
      Unlock secrets
    </button>
  );
}
