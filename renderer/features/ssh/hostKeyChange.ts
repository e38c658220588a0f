/**
 * Reads a refused, changed host key out of the engine's host_key_changed
 * message (main/core/ssh/hostKeyVerifier.ts): where, the saved key and the
 * presented one. The error carries no structured fields yet, so this parses
 * the sentence; null when it does not match (a revoked key, other wording).
 */
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

const FINGERPRINT = 'SHA256:[A-Za-z0-9+/]{43}';
const CHANGED = new RegExp(
  `^(?:(.+?) \\()?([^\\s()]+):(\\d+)\\)? presented a different host key than (?:the one in ([^:]*)|[^:]*): saved (\\S+) (${FINGERPRINT}), presented (\\S+) (${FINGERPRINT})`,
);

export function changedHostKeyOf(message: string): ChangedHostKey | null {
  const m = CHANGED.exec(message);
  if (!m) return null;
  const [, label, host = '', port = '', file, savedType = '', savedFp = '', newType = '', newFp = ''] = m;
  return {
    where: label ? `${label} (${host}:${port})` : `${host}:${port}`,
    host,
    port: Number(port),
    saved: { keyType: savedType, fingerprint: savedFp },
    presented: { keyType: newType, fingerprint: newFp },
    savedInFile: file ?? null,
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
