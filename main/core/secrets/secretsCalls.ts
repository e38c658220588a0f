/**
 * The secret calls of the UI: save, forget and list credentials, and unlock
 * the web form's passphrase cipher. A value goes in with setSecret and never
 * comes back out of any call.
 */
import type { CoreApi } from '../../../common/contract/api';
import { ApiError } from '../../../common/contract/errors';
import type { CoreContext } from '../coreContext';
import type { SecretCipher } from '../ports';
import { secretsOf } from './secretsDomain';

export type SecretsCalls = Pick<CoreApi, 'setSecret' | 'forgetSecret' | 'listSecrets' | 'unlockSecrets'>;

/** The passphrase cipher (web form) can be unlocked; the OS keychain (desktop) cannot and need not be. */
function isUnlockable(c: SecretCipher): c is SecretCipher & { unlock(passphrase: string): Promise<void> } {
  return typeof (c as { unlock?: unknown }).unlock === 'function';
}

export function secretsCalls(ctx: CoreContext): SecretsCalls {
  const { credentials, seen } = secretsOf(ctx);
  const cipher = ctx.ports.secrets;
  return {
    setSecret: async ({ scope, kind, value }) => credentials.set(scope, kind, value),
    forgetSecret: async ({ scope, kind }) => ({ forgotten: credentials.forget(scope, kind) }),
    listSecrets: async ({ clusterId }) => credentials.list(clusterId),
    unlockSecrets: async ({ passphrase }) => {
      if (!isUnlockable(cipher)) {
        if (cipher.isAvailable()) return { secrets: 'unlocked' };
        throw new ApiError('invalid_input', 'This form of ClusterDeck keeps secrets in the OS keychain; there is no passphrase to enter.');
      }
      seen.add(passphrase);
      await cipher.unlock(passphrase);
      return { secrets: cipher.isAvailable() ? 'unlocked' : 'locked' };
    },
  };
}
