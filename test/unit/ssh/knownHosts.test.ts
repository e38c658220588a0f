import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decideHostKey, fingerprintOf, preferKnownKeyTypes, type SavedHostKey } from '../../../main/core/ssh/hostKeyDecision';
import { hostLookupName, keyTypeOfBlob, linesForHost, parseKnownHosts } from '../../../main/core/ssh/knownHostsFile';

const dir = join(__dirname, '../../fixtures/known_hosts');
const read = (name: string) => readFileSync(join(dir, name), 'utf8');
const keys = Object.fromEntries(
  read('ssh-keygen-lf-fingerprints.txt')
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => {
      const [name, blob, fp] = l.split(' ');
      return [name, { blob: blob ?? '', fp: fp ?? '' }];
    }),
) as Record<string, { blob: string; fp: string }>;
const key = (name: string) => {
  const k = keys[name];
  if (!k) throw new Error(`fixture key ${name} missing`);
  return k;
};

const plain = parseKnownHosts(read('plain-ports-markers.known_hosts'));
const hashed = parseKnownHosts(read('openssh-hashed.known_hosts'));
/** Lines without a marker that name host:port (the @revoked * line names every host). */
const plainFor = (host: string, port: number) => linesForHost(plain, host, port).filter((l) => l.marker === null).map((l) => l.line);
const evidence = (lines: ReturnType<typeof parseKnownHosts>, host: string, port: number, saved: SavedHostKey[] = []) => ({
  saved,
  fileLinesForHost: linesForHost(lines, host, port),
  revokedLines: lines.filter((l) => l.marker === 'revoked'),
  fileLabel: '~/.ssh/known_hosts',
});

describe('known_hosts parsing', () => {
  it('reads markers, comma lists and skips malformed or unknown-marker lines', () => {
    expect(plain.map((l) => [l.line, l.marker, l.keyType])).toEqual([
      [2, null, 'ssh-ed25519'],
      [3, null, 'ecdsa-sha2-nistp256'],
      [4, null, 'ssh-rsa'],
      [5, null, 'ssh-ed25519'],
      [6, 'revoked', 'ssh-ed25519'],
      [7, 'cert-authority', 'ssh-ed25519'],
    ]);
    expect(plain[0]?.patterns).toEqual(['bai-a01', '192.0.2.21']);
  });

  it('names non-22 ports as [host]:port', () => {
    expect(hostLookupName('192.0.2.22', 22)).toBe('192.0.2.22');
    expect(hostLookupName('192.0.2.22', 2222)).toBe('[192.0.2.22]:2222');
  });

  it('matches plain names, ports and comma lists', () => {
    expect(plainFor('192.0.2.21', 22)).toEqual([2]);
    expect(plainFor('BAI-A01', 22)).toEqual([2]);
    expect(plainFor('192.0.2.22', 22)).toEqual([]);
    expect(plainFor('192.0.2.22', 2222)).toEqual([3]);
    expect(plainFor('192.0.2.23', 2200)).toEqual([4]);
    expect(linesForHost(plain, '192.0.2.21', 22).map((l) => l.marker)).toEqual([null, 'revoked']);
  });

  it('honours wildcards and a negated pattern', () => {
    expect(plainFor('node1.lab.example', 22)).toEqual([5]);
    expect(plainFor('evil.lab.example', 22)).toEqual([]);
  });

  it('matches hashed names written by ssh-keygen -H, including [host]:port', () => {
    expect(hashed.every((l) => l.patterns[0]?.startsWith('|1|'))).toBe(true);
    expect(linesForHost(hashed, '192.0.2.21', 22).map((l) => l.keyType)).toEqual(['ssh-ed25519']);
    expect(linesForHost(hashed, '192.0.2.22', 2222).map((l) => l.keyType)).toEqual(['ecdsa-sha2-nistp256']);
    expect(linesForHost(hashed, '192.0.2.22', 22)).toEqual([]);
    expect(linesForHost(hashed, '192.0.2.31', 22)).toEqual([]);
  });
});

describe('host key decisions', () => {
  const ed = { keyType: 'ssh-ed25519', keyBase64: key('host_ed25519').blob };

  it('computes the same SHA256 fingerprint as ssh-keygen -lf', () => {
    for (const k of Object.values(keys)) expect(fingerprintOf(k.blob)).toBe(k.fp);
  });

  it('reads the key type from the blob', () => {
    expect(keyTypeOfBlob(Buffer.from(key('host_ecdsa').blob, 'base64'))).toBe('ecdsa-sha2-nistp256');
  });

  it('knows a key listed for the host (plain and hashed)', () => {
    expect(decideHostKey(ed, evidence(plain, '192.0.2.21', 22))).toEqual({ kind: 'known', source: '~/.ssh/known_hosts line 2' });
    expect(decideHostKey(ed, evidence(hashed, '192.0.2.21', 22)).kind).toBe('known');
  });

  it('calls another key of the same type a changed key and names the old one', () => {
    const other = { keyType: 'ssh-ed25519', keyBase64: key('other_ed25519').blob };
    const v = decideHostKey(other, evidence(plain, '192.0.2.21', 22));
    expect(v.kind).toBe('changed');
    if (v.kind === 'changed') expect(fingerprintOf(v.old.keyBase64)).toBe(key('host_ed25519').fp);
  });

  it('treats a key of a new type as unknown, like OpenSSH', () => {
    const ecdsa = { keyType: 'ecdsa-sha2-nistp256', keyBase64: key('host_ecdsa').blob };
    expect(decideHostKey(ecdsa, evidence(plain, '192.0.2.21', 22))).toEqual({ kind: 'unknown', coveredByCertAuthority: false });
  });

  it('refuses a @revoked key for any host, even one that lists it', () => {
    const revoked = { keyType: 'ssh-ed25519', keyBase64: key('revoked_ed25519').blob };
    expect(decideHostKey(revoked, evidence(plain, '203.0.113.1', 22)).kind).toBe('revoked');
  });

  it('does not let a @cert-authority line vouch for a plain host key', () => {
    expect(decideHostKey(ed, evidence(plain, 'db.corp.example', 22))).toEqual({ kind: 'unknown', coveredByCertAuthority: true });
  });

  it('lets keys saved in ClusterDeck win over the file', () => {
    const other = key('other_ed25519').blob;
    const saved: SavedHostKey[] = [{ keyType: 'ssh-ed25519', keyBase64: other, savedAt: '2026-11-02T10:00:00.000Z', source: 'ClusterDeck' }];
    expect(decideHostKey({ keyType: 'ssh-ed25519', keyBase64: other }, evidence(plain, '192.0.2.21', 22, saved)).kind).toBe('known');
    const v = decideHostKey(ed, evidence(plain, '192.0.2.21', 22, saved));
    expect(v.kind === 'changed' && v.old.savedAt).toBe('2026-11-02T10:00:00.000Z');
  });

  it('offers known key types first', () => {
    const defaults = ['ssh-ed25519', 'ecdsa-sha2-nistp256', 'rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa'];
    expect(preferKnownKeyTypes(defaults, ['ssh-rsa'])).toEqual(['rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa', 'ssh-ed25519', 'ecdsa-sha2-nistp256']);
    expect(preferKnownKeyTypes(defaults, [])).toEqual(defaults);
  });
});
