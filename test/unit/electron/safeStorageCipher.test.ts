import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../common/contract/errors';
import { createSafeStorageCipher } from '../../../main/electron/safeStorageCipher';
import { recordingLogger } from './fakeLogger';

type Backend = 'basic_text' | 'gnome_libsecret' | 'kwallet' | 'kwallet5' | 'kwallet6' | 'unknown';

/** A safeStorage double that "seals" by reversing bytes, so sealed never equals plain. */
function fakeSafeStorage(available: boolean, backend: Backend) {
  return {
    isEncryptionAvailable: vi.fn(() => available),
    getSelectedStorageBackend: vi.fn(() => backend),
    encryptString: vi.fn((plain: string) => Buffer.from(plain, 'utf8').reverse()),
    decryptString: vi.fn((sealed: Buffer) => {
      if (sealed.length === 0) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return Buffer.from(sealed).reverse().toString('utf8');
    }),
  };
}

describe('secrets sealed by the OS keychain (safeStorage)', () => {
  it('seals and opens a secret where a keyring exists', () => {
    const cipher = createSafeStorageCipher(fakeSafeStorage(true, 'gnome_libsecret'), 'linux', recordingLogger());
    expect(cipher.isAvailable()).toBe(true);
    const sealed = cipher.encrypt('hunter2');
    expect(sealed.toString('utf8')).not.toContain('hunter2');
    expect(cipher.decrypt(sealed)).toBe('hunter2');
  });

  it("treats Linux's basic_text fallback (a fixed key) as no keyring, warning once", () => {
    const logger = recordingLogger();
    const storage = fakeSafeStorage(true, 'basic_text');
    const cipher = createSafeStorageCipher(storage, 'linux', logger);
    expect(cipher.isAvailable()).toBe(false);
    expect(cipher.isAvailable()).toBe(false);
    expect(() => cipher.encrypt('hunter2')).toThrow(ApiError);
    expect(storage.encryptString).not.toHaveBeenCalled();
    expect(logger.entries.filter((e) => e.level === 'warn')).toHaveLength(1);
  });

  it('refuses to seal before the keychain is available, with a message that says what to do', () => {
    const cipher = createSafeStorageCipher(fakeSafeStorage(false, 'unknown'), 'darwin', recordingLogger());
    expect(cipher.isAvailable()).toBe(false);
    try {
      cipher.encrypt('x');
      expect.unreachable();
    } catch (err) {
      expect(err).toMatchObject({ code: 'locked' });
      expect((err as Error).message).toMatch(/Type passwords when asked/);
    }
  });

  it('never asks for a Linux backend on Windows or macOS', () => {
    const storage = fakeSafeStorage(true, 'basic_text');
    expect(createSafeStorageCipher(storage, 'win32', recordingLogger()).isAvailable()).toBe(true);
    expect(storage.getSelectedStorageBackend).not.toHaveBeenCalled();
  });

  it('reports a secret it cannot open as locked, not as a crash', () => {
    const cipher = createSafeStorageCipher(fakeSafeStorage(true, 'kwallet5'), 'linux', recordingLogger());
    expect(() => cipher.decrypt(Buffer.alloc(0))).toThrow(/could not be decrypted/);
  });
});
