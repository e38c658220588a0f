/**
 * The host-key calls of the UI: replace a changed key (only with a key the
 * node was actually seen presenting), forget a host, list saved keys with the
 * lines of ~/.ssh/known_hosts beside them (those stay read-only), and bulk
 * re-key reinstalled nodes (scan, compare, then replaceHostKey each).
 */
import { ApiError } from '../../../common/contract/errors';
import type { ClusterWithNodes } from '../../../common/contract/schemas/profiles';
import type { KnownHostEntry, KnownHostSource, KnownHostsList, RekeyResult } from '../../../common/contract/schemas/ssh';
import { fingerprintOf } from './hostKeyDecision';
import { scanHostKey } from './hostKeyScan';
import { hostPortKey, judgePresentedKey } from './hostKeyVerifier';
import { listKnownHostsFile, savedAddressesOf } from './knownHostsListing';
import { hopAddress } from './nodeTarget';
import type { SshEngine } from './sshEngine';

/** `savedClusters` names the nodes a known_hosts line speaks about; without it lines match no node. */
export function createHostKeyCalls(engine: SshEngine, savedClusters: () => readonly ClusterWithNodes[] = () => []) {
  const { trust } = engine;

  const nodeHop = async (nodeId: string) => {
    const target = await engine.lookupNode(nodeId);
    const hop = target.hops[target.hops.length - 1];
    if (!hop) throw new ApiError('internal', 'No hops.');
    return { target, hop };
  };

  return {
    async replaceHostKey(nodeId: string, fingerprint: string): Promise<KnownHostEntry> {
      const { hop } = await nodeHop(nodeId);
      const seen = trust.observed.get(hostPortKey(hop.host, hop.port));
      if (!seen || seen.fingerprint !== fingerprint) {
        throw new ApiError(
          'conflict',
          `${hopAddress(hop)} was not seen presenting ${fingerprint}${seen ? ` (it last presented ${seen.fingerprint})` : ''}. Connect or re-key it again, then replace the key.`,
        );
      }
      // A reinstalled node has new keys of every type: drop them all, keep the one seen.
      trust.store.forget(hop.host, hop.port);
      const entry = trust.store.save(hop.host, hop.port, seen.keyType, seen.keyBase64);
      await engine.pool.closeNode(nodeId);
      return entry;
    },

    async forgetHostKeys(host: string, port: number): Promise<{ removed: number }> {
      const removed = trust.store.forget(host, port);
      for (const key of [...trust.trustedOnce]) if (key.startsWith(`${hostPortKey(host, port)}|`)) trust.trustedOnce.delete(key);
      return { removed };
    },

    async listKnownHosts(source?: KnownHostSource): Promise<KnownHostsList> {
      const app = source === 'known_hosts' ? [] : trust.store.list().map((e) => ({ source: 'app' as const, ...e }));
      // The very file the verifier trusts: nothing to list when it is held in memory.
      if (source === 'app' || trust.file.path === null) return { entries: app, knownHostsFile: null };
      const file = await listKnownHostsFile(trust.file.path, trust.file.label, savedAddressesOf(savedClusters()));
      return { entries: [...app, ...file.entries], knownHostsFile: file.file };
    },

    async rekeyNodes(nodeIds: readonly string[]): Promise<RekeyResult[]> {
      const results: RekeyResult[] = [];
      // One at a time: re-keying is rare and a burst of handshakes trips sshd's MaxStartups.
      for (const nodeId of nodeIds) {
        const { target, hop } = await nodeHop(nodeId);
        const base = { nodeId, host: hop.host, port: hop.port };
        try {
          const key = await scanHostKey(target, engine.chainDeps, {
            connectTimeoutMs: engine.options.connectTimeoutMs,
            keepaliveIntervalMs: 0,
            keepaliveCountMax: 0,
            interactive: false,
          });
          const verdict = judgePresentedKey(trust, key);
          const previous = verdict.kind === 'changed' ? fingerprintOf(verdict.old.keyBase64) : null;
          results.push({
            ...base,
            status: verdict.kind === 'known' ? 'unchanged' : verdict.kind === 'unknown' ? 'new' : 'changed',
            keyType: key.keyType,
            fingerprint: key.fingerprint,
            previousFingerprint: previous,
            ...(verdict.kind === 'revoked' ? { message: `The key is marked revoked in ${verdict.source}.` } : {}),
          });
        } catch (err) {
          results.push({
            ...base,
            status: 'unreachable',
            keyType: null,
            fingerprint: null,
            previousFingerprint: null,
            message: err instanceof ApiError ? err.message : `Could not reach ${hopAddress(hop)}.`,
          });
        }
      }
      return results;
    },
  };
}
