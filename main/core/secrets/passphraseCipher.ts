/**
 * The web form's SecretCipher: AES-256-GCM under a key derived with scrypt
 * from a passphrase the operator types at start (Electron uses the OS
 * keychain via safeStorage instead). The salt and a check value live in
 * <dataDir>/secrets-key.json: the check value is a known text sealed with the
 * key, so a wrong passphrase is a clear error, not garbage secrets later.
 * Locked until unlock(); the key exists only in memory.
 */
import { createCipheriv, createDecipheriv, randomBytes, scrypt } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiError } from '../../../common/contract/errors';
import type { SecretCipher } from '../ports';

export const SECRETS_KEY_FILE = 'secrets-key.json';
const CHECK_TEXT = 'clusterdeck secrets v1';
const FORMAT = 1;

interface KeyFile {
  version: 1;
  kdf: 'scrypt';
  N: number;
  r: number;
  p: number;
  salt: string;
  check: string;
}

export interface PassphraseCipher extends SecretCipher {
  /** 'locked' until unlock(); 'unlocked' after. */
  state(): 'locked' | 'unlocked';
  /** First use sets the passphrase; later uses must repeat it. */
  unlock(passphrase: string): Promise<void>;
  lock(): void;
}

export interface PassphraseCipherOptions {
  dataDir: string;
  /** scrypt cost; 2^15 (OWASP's minimum for scrypt) unless a test needs it faster. */
  N?: number;
}

function deriveKey(passphrase: string, salt: Buffer, N: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    // maxmem above 128*N*r: Node's 32 MiB default is exactly the need at N=2^15, r=8.
    scrypt(passphrase.normalize('NFC'), salt, 32, { N, r, p, maxmem: 256 * N * r }, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

/** [version 1][iv 12][tag 16][ciphertext] */
export function sealWith(key: Buffer, plain: string): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return Buffer.concat([Buffer.from([FORMAT]), iv, cipher.getAuthTag(), body]);
}

/** Throws when the key is wrong or the bytes were altered (GCM's tag). */
export function openWith(key: Buffer, sealed: Buffer): string {
  if (sealed.length < 29 || sealed[0] !== FORMAT) throw new Error('not a sealed secret');
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(1, 13));
  decipher.setAuthTag(sealed.subarray(13, 29));
  return Buffer.concat([decipher.update(sealed.subarray(29)), decipher.final()]).toString('utf8');
}

export function createPassphraseCipher({ dataDir, N = 2 ** 15 }: PassphraseCipherOptions): PassphraseCipher {
  const path = join(dataDir, SECRETS_KEY_FILE);
  let key: Buffer | undefined;
  const locked = () => new ApiError('locked', 'Saved secrets are locked. Enter the secrets passphrase to unlock them.');

  return {
    isAvailable: () => key !== undefined,
    state: () => (key ? 'unlocked' : 'locked'),
    async unlock(passphrase) {
      if (!existsSync(path)) {
        const salt = randomBytes(16);
        const fresh = await deriveKey(passphrase, salt, N, 8, 1);
        const file: KeyFile = { version: 1, kdf: 'scrypt', N, r: 8, p: 1, salt: salt.toString('base64'), check: sealWith(fresh, CHECK_TEXT).toString('base64') };
        writeFileSync(`${path}.tmp`, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600 });
        renameSync(`${path}.tmp`, path);
        key = fresh;
        return;
      }
      let file: KeyFile;
      try {
        file = JSON.parse(readFileSync(path, 'utf8')) as KeyFile;
      } catch {
        throw new ApiError('store_corrupt', `${path} is damaged, so saved secrets cannot be opened. Restore it from a backup or remove it and save the secrets again.`);
      }
      const candidate = await deriveKey(passphrase, Buffer.from(file.salt, 'base64'), file.N, file.r, file.p);
      let check: string | undefined;
      try {
        check = openWith(candidate, Buffer.from(file.check, 'base64'));
      } catch {
        check = undefined;
      }
      if (check !== CHECK_TEXT) {
        throw new ApiError('unauthorized', 'That passphrase does not open the saved secrets. Try again (it is the one chosen when secrets were first saved).', {
          passphrase: 'Wrong passphrase.',
        });
      }
      key = candidate;
    },
    lock() {
      key?.fill(0);
      key = undefined;
    },
    encrypt(plain) {
      if (!key) throw locked();
      return sealWith(key, plain);
    },
    decrypt(sealed) {
      if (!key) throw locked();
      return openWith(key, sealed);
    },
  };
}
