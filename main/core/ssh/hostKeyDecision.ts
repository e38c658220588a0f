/**
 * Decides what a presented host key means, from the keys ClusterDeck saved
 * and the operator's ~/.ssh/known_hosts. Pure, so every branch (known,
 * unknown, changed, revoked) is tested on fixtures without a network.
 *
 * Rules, in order:
 * - a key listed on any @revoked line is refused, whatever host it names
 *   (sshd(8): "must not ever be accepted");
 * - keys saved in the app win over the file: if the app has keys for
 *   host:port, the file is not consulted (so "Replace key" really replaces);
 * - same key -> known; another key of the same type -> changed; only keys of
 *   other types -> unknown (as OpenSSH, which asks again for a new key type);
 * - @cert-authority lines never vouch: ssh2 does not negotiate host
 *   certificates, so the server shows a plain key the CA signature cannot be
 *   checked against. The prompt says the host is covered by a CA line.
 */
import { createHash } from 'node:crypto';
import type { KnownHostLine } from './knownHostsFile';

export interface SavedHostKey {
  keyType: string;
  keyBase64: string;
  /** ISO date it was saved; null for keys from the known_hosts file. */
  savedAt: string | null;
  /** Where the key came from, for messages: 'ClusterDeck' or '~/.ssh/known_hosts line 12'. */
  source: string;
}

export interface PresentedHostKey {
  keyType: string;
  keyBase64: string;
}

export type HostKeyVerdict =
  | { kind: 'known'; source: string }
  | { kind: 'unknown'; coveredByCertAuthority: boolean }
  | { kind: 'changed'; old: SavedHostKey }
  | { kind: 'revoked'; source: string };

/** OpenSSH's fingerprint format: SHA256 of the key blob, base64 without padding. */
export function fingerprintOf(keyBase64: string): string {
  const digest = createHash('sha256').update(Buffer.from(keyBase64, 'base64')).digest('base64');
  return `SHA256:${digest.replace(/=+$/, '')}`;
}

export interface HostKeyEvidence {
  /** Keys saved in ClusterDeck's store for this host:port. */
  saved: readonly SavedHostKey[];
  /** known_hosts lines naming this host:port (any marker). */
  fileLinesForHost: readonly KnownHostLine[];
  /** Every @revoked line of the file, whatever host it names. */
  revokedLines: readonly KnownHostLine[];
  /** Label of the file, e.g. '~/.ssh/known_hosts'. */
  fileLabel: string;
}

function fromFile(line: KnownHostLine, fileLabel: string): SavedHostKey {
  return { keyType: line.keyType, keyBase64: line.keyBase64, savedAt: null, source: `${fileLabel} line ${line.line}` };
}

export function decideHostKey(presented: PresentedHostKey, evidence: HostKeyEvidence): HostKeyVerdict {
  const revoked = evidence.revokedLines.find((l) => l.keyBase64 === presented.keyBase64);
  if (revoked) return { kind: 'revoked', source: `${evidence.fileLabel} line ${revoked.line}` };

  const plainFileKeys = evidence.fileLinesForHost.filter((l) => l.marker === null).map((l) => fromFile(l, evidence.fileLabel));
  const candidates = evidence.saved.length > 0 ? evidence.saved : plainFileKeys;

  const same = candidates.find((k) => k.keyBase64 === presented.keyBase64);
  if (same) return { kind: 'known', source: same.source };
  const sameType = candidates.find((k) => k.keyType === presented.keyType);
  if (sameType) return { kind: 'changed', old: sameType };
  return {
    kind: 'unknown',
    coveredByCertAuthority: evidence.fileLinesForHost.some((l) => l.marker === 'cert-authority'),
  };
}

/** Host key algorithms to offer, known types first, so a host known by its RSA key is not asked about ed25519. */
export function preferKnownKeyTypes(defaults: readonly string[], knownTypes: readonly string[]): string[] {
  const wanted = new Set<string>();
  for (const t of knownTypes) {
    if (t === 'ssh-rsa') ['rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa'].forEach((a) => wanted.add(a));
    else wanted.add(t);
  }
  const first = defaults.filter((a) => wanted.has(a));
  return [...first, ...defaults.filter((a) => !wanted.has(a))];
}
