/**
 * A refused, changed host key as the views show it: where, the saved key and
 * the presented one, from the engine's host_key_changed detail
 * (main/core/ssh/hostKeyVerifier.ts). Revoked keys carry none: no Replace key.
 */
import type { HostKeyChange } from '../../../common/contract/schemas/ssh';

export interface ShownHostKey {
  keyType: string;
  fingerprint: string;
}

export interface ChangedHostKey {
  /** The hop that presented the key: "bai-a03 (192.0.2.131:22)" or "192.0.2.5:22". */
  where: string;
  host: string;
  port: number;
  saved: ShownHostKey;
  presented: ShownHostKey;
  /** Where the old key is trusted: a line of ~/.ssh/known_hosts (read-only to ClusterDeck), or null for ClusterDeck's own store. */
  savedInFile: string | null;
}

/** The changed key a failure carries (a test's ApiError or a node's failed connection); null for any other failure. */
export function changedHostKeyOf(failure: { hostKeyChange?: HostKeyChange | undefined } | null | undefined): ChangedHostKey | null {
  const c = failure?.hostKeyChange;
  if (!c) return null;
  return {
    where: c.where,
    host: c.host,
    port: c.port,
    saved: { keyType: c.savedKeyType, fingerprint: c.savedFingerprint },
    presented: { keyType: c.presentedKeyType, fingerprint: c.presentedFingerprint },
    savedInFile: c.savedInFile,
  };
}

/** The command that removes a host's old line from ~/.ssh/known_hosts (ssh-keygen(1) -R; [host]:port unless port 22). */
export function knownHostsRemoval(change: Pick<ChangedHostKey, 'host' | 'port'>): string {
  return change.port === 22 ? `ssh-keygen -R ${change.host}` : `ssh-keygen -R '[${change.host}]:${change.port}'`;
}

/** Whether the changed key belongs to the node itself (Replace key) or to a jump host on the way (forget and re-trust). */
export function isNodeOwnKey(change: ChangedHostKey, node: { host: string; port: number }): boolean {
  return change.host.toLowerCase() === node.host.toLowerCase() && change.port === node.port;
}
