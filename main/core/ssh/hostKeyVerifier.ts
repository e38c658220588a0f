/**
 * The hostVerifier of every hop. ssh2 calls it with the server's key during
 * key exchange and, in its callback form, waits: no NEWKEYS, no userauth, so
 * no password or signature leaves the laptop before the key is decided
 * (ssh2 lib/protocol/kex.js). Unknown keys are asked about; changed and
 * revoked keys are refused with both fingerprints in the message.
 */
import { ApiError } from '../../../common/contract/errors';
import type { EventSink } from '../../../common/contract/events';
import type { HostKeyChange } from '../../../common/contract/schemas/ssh';
import { decideHostKey, fingerprintOf, type HostKeyVerdict } from './hostKeyDecision';
import type { HostKeyStore, KnownHostsFile } from './hostKeyStore';
import { keyTypeOfBlob, linesForHost } from './knownHostsFile';
import { hopAddress, type NodeTarget, type SshHop } from './nodeTarget';
import type { PendingPrompts } from './pendingPrompts';

export type HostKeyDecision = 'trust-remember' | 'trust-once' | 'cancel';

export interface PresentedKey {
  host: string;
  port: number;
  keyType: string;
  keyBase64: string;
  fingerprint: string;
}

export interface HostKeyTrust {
  store: HostKeyStore;
  file: KnownHostsFile;
  prompts: PendingPrompts<HostKeyDecision>;
  events: EventSink;
  promptTimeoutMs: number;
  /** Keys trusted "once": kept in memory until the app quits, never written. */
  trustedOnce: Set<string>;
  /** The last key each host:port presented, so "Replace key" can only accept a key actually seen. */
  observed: Map<string, PresentedKey>;
}

export const hostPortKey = (host: string, port: number) => `${host.toLowerCase()}:${port}`;

/** "ED25519", "ECDSA", "RSA": how people name key types. */
export function keyTypeLabel(keyType: string): string {
  if (keyType === 'ssh-ed25519') return 'ED25519';
  if (keyType.startsWith('ecdsa-')) return 'ECDSA';
  if (keyType === 'ssh-rsa') return 'RSA';
  return keyType;
}

/** Notes the key a host:port presented (for "Replace key") and decides it against the app's store and known_hosts. */
export function judgePresentedKey(trust: HostKeyTrust, presented: PresentedKey): HostKeyVerdict {
  trust.observed.set(hostPortKey(presented.host, presented.port), presented);
  const lines = trust.file.lines();
  return decideHostKey(presented, {
    saved: trust.store.listFor(presented.host, presented.port),
    fileLinesForHost: linesForHost(lines, presented.host, presented.port),
    revokedLines: lines.filter((l) => l.marker === 'revoked'),
    fileLabel: trust.file.label,
  });
}

export interface VerifyOptions {
  /** Status sweeps pass false: an unknown key fails fast instead of asking. */
  interactive: boolean;
  /** Pauses the connect timer while a person is deciding. */
  onPrompt?: (open: boolean) => void;
}

export async function verifyHostKey(trust: HostKeyTrust, target: NodeTarget, hop: SshHop, blob: Buffer, options: VerifyOptions): Promise<PresentedKey> {
  const keyBase64 = blob.toString('base64');
  const presented: PresentedKey = {
    host: hop.host,
    port: hop.port,
    keyType: keyTypeOfBlob(blob),
    keyBase64,
    fingerprint: fingerprintOf(keyBase64),
  };
  const hp = hostPortKey(hop.host, hop.port);
  const verdict = judgePresentedKey(trust, presented);
  const where = hopAddress(hop);
  const shown = `${keyTypeLabel(presented.keyType)} ${presented.fingerprint}`;

  switch (verdict.kind) {
    case 'known':
      return presented;
    case 'revoked':
      throw new ApiError(
        'host_key_changed',
        `${where} presented host key ${shown}, which ${verdict.source} marks as revoked. ClusterDeck will not connect with a revoked key; ask the node's administrator which key it should have.`,
      );
    case 'changed': {
      const saved = verdict.old.savedAt ? `the one saved on ${verdict.old.savedAt.slice(0, 10)}` : `the one in ${verdict.old.source}`;
      const hostKeyChange: HostKeyChange = {
        where,
        host: hop.host,
        port: hop.port,
        savedKeyType: keyTypeLabel(verdict.old.keyType),
        savedFingerprint: fingerprintOf(verdict.old.keyBase64),
        presentedKeyType: keyTypeLabel(presented.keyType),
        presentedFingerprint: presented.fingerprint,
        savedInFile: verdict.old.savedAt ? null : verdict.old.source,
      };
      throw new ApiError(
        'host_key_changed',
        `${where} presented a different host key than ${saved}: saved ${hostKeyChange.savedKeyType} ${hostKeyChange.savedFingerprint}, presented ${shown}. If the node was reinstalled, choose Replace key; otherwise do not connect. Nothing was sent to it.`,
        undefined,
        { hostKeyChange },
      );
    }
    case 'unknown':
      break;
  }

  if (trust.trustedOnce.has(`${hp}|${keyBase64}`)) return presented;
  if (!options.interactive) {
    throw new ApiError(
      'host_key_unknown',
      `${where} is not a known host yet (it presents ${shown}). Use Test connection on ${target.nodeName} to check and trust its key.`,
    );
  }
  options.onPrompt?.(true);
  let decision: HostKeyDecision;
  try {
    decision = await trust.prompts.ask({
      shareKey: `${hp}|${keyBase64}`,
      timeoutMs: trust.promptTimeoutMs,
      timeoutMessage: `Nobody answered the host key question for ${where} in time, so ClusterDeck did not connect. Try again and choose whether to trust ${shown}.`,
      announce: (promptId) =>
        trust.events.emit('hostkey.prompt', {
          promptId,
          nodeId: target.nodeId,
          nodeName: target.nodeName,
          hop: hop.isJump ? 'jump' : 'node',
          host: hop.host,
          port: hop.port,
          keyType: presented.keyType,
          fingerprint: presented.fingerprint,
          coveredByCertAuthority: verdict.coveredByCertAuthority,
        }),
    });
  } finally {
    options.onPrompt?.(false);
  }
  if (decision === 'cancel') {
    throw new ApiError('cancelled', `You did not trust the host key of ${where} (${shown}), so ClusterDeck did not connect.`);
  }
  if (decision === 'trust-remember') trust.store.save(hop.host, hop.port, presented.keyType, keyBase64);
  else trust.trustedOnce.add(`${hp}|${keyBase64}`);
  return presented;
}
