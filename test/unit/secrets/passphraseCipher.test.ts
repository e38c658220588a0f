import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPassphraseCipher, SECRETS_KEY_FILE } from '../../../main/core/secrets/passphraseCipher';

// A low scrypt cost keeps the unit test fast; the default (2^15) is checked below.
const N = 2 ** 10;
const dir = () => mkdtempSync(join(tmpdir(), 'cd-secrets-'));

describe('passphrase cipher (web form secrets)', () => {
  it('is locked until unlocked, and says so', () => {
    const c = createPassphraseCipher({ dataDir: dir(), N });
    expect(c.isAvailable()).toBe(false);
    expect(c.state()).toBe('locked');
    expect(() => c.encrypt('x')).toThrow(/locked/);
  });

  it('round-trips a secret and never stores the plaintext or the key', async () => {
    const d = dir();
    const c = createPassphraseCipher({ dataDir: d, N });
    await c.unlock('correct horse battery');
    const sealed = c.encrypt('sudo-pw-äöü');
    expect(sealed.toString('latin1')).not.toContain('sudo-pw');
    expect(c.decrypt(sealed)).toBe('sudo-pw-äöü');
    const file = readFileSync(join(d, SECRETS_KEY_FILE), 'utf8');
    expect(JSON.parse(file)).toMatchObject({ kdf: 'scrypt', N, r: 8, p: 1 });
    expect(file).not.toContain('correct horse');
  });

  it('opens secrets sealed in an earlier session with the same passphrase', async () => {
    const d = dir();
    const first = createPassphraseCipher({ dataDir: d, N });
    await first.unlock('correct horse battery');
    const sealed = first.encrypt('db-password');
    const later = createPassphraseCipher({ dataDir: d, N });
    await later.unlock('correct horse battery');
    expect(later.decrypt(sealed)).toBe('db-password');
  });

  it('refuses a wrong passphrase with a clear error and stays locked', async () => {
    const d = dir();
    await createPassphraseCipher({ dataDir: d, N }).unlock('correct horse battery');
    const c = createPassphraseCipher({ dataDir: d, N });
    await expect(c.unlock('wrong horse battery')).rejects.toMatchObject({ code: 'unauthorized', message: expect.stringContaining('does not open the saved secrets') });
    expect(c.state()).toBe('locked');
  });

  it('detects a tampered ciphertext (GCM tag)', async () => {
    const c = createPassphraseCipher({ dataDir: dir(), N });
    await c.unlock('correct horse battery');
    const sealed = c.encrypt('secret');
    sealed[sealed.length - 1] = (sealed[sealed.length - 1] ?? 0) ^ 1;
    expect(() => c.decrypt(sealed)).toThrow();
  });

  it('uses scrypt N=2^15 by default', async () => {
    const d = dir();
    await createPassphraseCipher({ dataDir: d }).unlock('correct horse battery');
    expect(JSON.parse(readFileSync(join(d, SECRETS_KEY_FILE), 'utf8')).N).toBe(2 ** 15);
  });

  it('forgets the key on lock', async () => {
    const c = createPassphraseCipher({ dataDir: dir(), N });
    await c.unlock('correct horse battery');
    const sealed = c.encrypt('x');
    c.lock();
    expect(() => c.decrypt(sealed)).toThrow(/locked/);
  });
});
