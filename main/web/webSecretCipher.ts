/**
 * The web form's SecretCipher. Until the passphrase cipher of main/core/secrets
 * lands, it stays locked: nothing can be sealed or opened, and the UI says so.
 * The SSH engineer swaps the body of createWebSecretCipher for the
 * AES-256-GCM + scrypt cipher; nothing else in main/web needs to change.
 */
import { ApiError } from '../../common/contract/errors';
import type { SecretCipher } from '../core/ports';
import { createPassphraseCipher } from '../core/secrets/passphraseCipher';

export function createLockedSecretCipher(): SecretCipher {
  const locked = (): never => {
    throw new ApiError('locked', 'Saved secrets are locked in the web form. Unlock them with your passphrase first.');
  };
  return { isAvailable: () => false, encrypt: locked, decrypt: locked };
}

/** The cipher the web form starts with: locked until unlockSecrets gives the passphrase (salt kept in `dataDir`). */
export function createWebSecretCipher(dataDir: string): SecretCipher {
  return createPassphraseCipher({ dataDir });
}
