/**
 * A HostKeyStore kept in memory, for tests that must not depend on the
 * SQLite store (the store has its own tests). Same rules: one key per type
 * per host:port.
 */
import type { KnownHostEntry } from '../../../common/contract/schemas/ssh';
import { fingerprintOf, type SavedHostKey } from '../../../main/core/ssh/hostKeyDecision';
import type { HostKeyStore } from '../../../main/core/ssh/hostKeyStore';

export function memoryHostKeys(now: () => Date = () => new Date()): HostKeyStore & { entries: Array<KnownHostEntry & { keyBase64: string }> } {
  const entries: Array<KnownHostEntry & { keyBase64: string }> = [];
  const same = (host: string, port: number) => (e: KnownHostEntry) => e.host.toLowerCase() === host.toLowerCase() && e.port === port;
  return {
    entries,
    listFor(host, port): SavedHostKey[] {
      return entries.filter(same(host, port)).map((e) => ({ keyType: e.keyType, keyBase64: e.keyBase64, savedAt: e.savedAt, source: 'ClusterDeck' }));
    },
    save(host, port, keyType, keyBase64) {
      const i = entries.findIndex((e) => same(host, port)(e) && e.keyType === keyType);
      if (i >= 0) entries.splice(i, 1);
      const entry = { host, port, keyType, keyBase64, fingerprint: fingerprintOf(keyBase64), savedAt: now().toISOString() };
      entries.push(entry);
      return { host, port, keyType, fingerprint: entry.fingerprint, savedAt: entry.savedAt };
    },
    forget(host, port) {
      let n = 0;
      for (let i = entries.length - 1; i >= 0; i--) {
        const e = entries[i];
        if (e && same(host, port)(e)) {
          entries.splice(i, 1);
          n++;
        }
      }
      return n;
    },
    list: () => entries.map(({ keyBase64: _k, ...e }) => e),
  };
}
