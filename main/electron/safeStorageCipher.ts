/**
 * Seals saved credentials with Electron's safeStorage: DPAPI on Windows, the
 * Keychain on macOS, libsecret/KWallet on Linux. Where Linux has no keyring,
 * safeStorage falls back to "basic_text", a fixed key that protects nothing;
 * that counts as unavailable, so ClusterDeck asks for secrets instead of
 * pretending to keep them safe. https://www.electronjs.org/docs/latest/api/safe-storage
 */
import type { SafeStorage } from 'electron';
import { ApiError } from '../../common/contract/errors';
import type { Logger, SecretCipher } from '../core/ports';

type SafeStorageLike = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString' | 'getSelectedStorageBackend'>;

const NO_KEYRING =
  'ClusterDeck cannot save secrets on this computer: no OS keyring (GNOME Keyring or KWallet) is available. ' +
  'Type passwords when asked, or start a keyring and restart ClusterDeck.';

export function createSafeStorageCipher(safeStorage: SafeStorageLike, platform: NodeJS.Platform, logger: Logger): SecretCipher {
  let warnedBasicText = false;

  const isAvailable = (): boolean => {
    // Before app 'ready' this is false on every OS; core asks again when it needs to.
    if (!safeStorage.isEncryptionAvailable()) return false;
    if (platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') {
      if (!warnedBasicText) {
        warnedBasicText = true;
        logger.warn('No OS keyring found (safeStorage backend basic_text): saving secrets is disabled.');
      }
      return false;
    }
    return true;
  };

  return {
    isAvailable,
    encrypt(plain) {
      if (!isAvailable()) throw new ApiError('locked', NO_KEYRING);
      // The sync API is deprecated in Electron 45 but SecretCipher is synchronous; move with the port.
      return safeStorage.encryptString(plain);
    },
    decrypt(sealed) {
      if (!isAvailable()) throw new ApiError('locked', NO_KEYRING);
      try {
        return safeStorage.decryptString(sealed);
      } catch (err) {
        logger.warn('safeStorage could not decrypt a saved secret.', { error: String(err) });
        throw new ApiError(
          'locked',
          "A saved secret could not be decrypted: the OS keychain entry for ClusterDeck changed or was removed. Save the secret again.",
        );
      }
    },
  };
}
