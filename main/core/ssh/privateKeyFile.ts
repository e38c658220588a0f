/**
 * Reads one private key file (OpenSSH, PEM/PKCS#1, PKCS#8, PPK; ed25519,
 * ECDSA, RSA) and decrypts it with a passphrase when it is encrypted, so a
 * wrong passphrase or a missing file is a clear error before anything is
 * sent, rather than a silently skipped key (ssh2 skips keys it cannot parse).
 */
import { readFile } from 'node:fs/promises';
import { utils, type ParsedKey } from 'ssh2';
import { ApiError } from '../../../common/contract/errors';

export interface KeyPassphrases {
  /** A saved passphrase, if any. */
  saved(): string | undefined;
  /** Ask a person; rejects when they cancel or nobody answers. */
  ask(): Promise<{ passphrase: string; remember: boolean }>;
  remember(passphrase: string): void;
}

function parsed(result: ParsedKey | ParsedKey[] | Error): ParsedKey | Error {
  if (Array.isArray(result)) return result[0] ?? new Error('No key in file');
  return result;
}

const needsPassphrase = (e: Error) => /no passphrase given/i.test(e.message);
const wrongPassphrase = (e: Error) => /bad passphrase|integrity check failed/i.test(e.message);

export async function loadPrivateKey(path: string, where: string, passphrases: KeyPassphrases): Promise<ParsedKey> {
  let data: Buffer;
  try {
    data = await readFile(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'does not exist' : code === 'EACCES' ? 'cannot be read (permission denied)' : `cannot be read (${code ?? 'error'})`;
    throw new ApiError('auth_failed', `The key file ${path} for ${where} ${why}. Fix the key path in the cluster or node SSH settings.`);
  }
  const plain = parsed(utils.parseKey(data));
  if (!(plain instanceof Error)) return checkPrivate(plain, path);
  if (!needsPassphrase(plain)) {
    throw new ApiError('auth_failed', `The key file ${path} for ${where} is not a private key ClusterDeck can read (${plain.message}).`);
  }
  const saved = passphrases.saved();
  if (saved !== undefined) {
    const key = parsed(utils.parseKey(data, saved));
    if (!(key instanceof Error)) return checkPrivate(key, path);
    if (!wrongPassphrase(key)) throw new ApiError('auth_failed', `The key file ${path} could not be decrypted (${key.message}).`);
    throw new ApiError('auth_failed', `The saved passphrase for key ${path} is wrong (${where}). Update the key passphrase in the cluster settings.`);
  }
  const answer = await passphrases.ask();
  const key = parsed(utils.parseKey(data, answer.passphrase));
  if (key instanceof Error) {
    throw new ApiError('auth_failed', `The passphrase for key ${path} is wrong (${where}). Nothing was sent to the node; try again.`);
  }
  if (answer.remember) passphrases.remember(answer.passphrase);
  return checkPrivate(key, path);
}

function checkPrivate(key: ParsedKey, path: string): ParsedKey {
  if (!key.isPrivateKey()) throw new ApiError('auth_failed', `${path} holds a public key; set the path of the private key instead.`);
  return key;
}
