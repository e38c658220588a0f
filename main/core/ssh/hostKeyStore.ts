/**
 * Where trusted host keys are kept: the interface the verifier needs, and the
 * reader of the operator's ~/.ssh/known_hosts (read-only, re-read when it
 * changes on disk). The SQLite implementation is in hostKeyRepository.ts.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { KnownHostEntry } from '../../../common/contract/schemas/ssh';
import type { SavedHostKey } from './hostKeyDecision';
import { parseKnownHosts, type KnownHostLine } from './knownHostsFile';

export interface HostKeyStore {
  /** Keys the app saved for host:port (source 'ClusterDeck'). */
  listFor(host: string, port: number): SavedHostKey[];
  /** Save a key, replacing any saved key of the same type for host:port. */
  save(host: string, port: number, keyType: string, keyBase64: string): KnownHostEntry;
  /** Forget every saved key of host:port; returns how many. */
  forget(host: string, port: number): number;
  list(): KnownHostEntry[];
}

export interface KnownHostsFile {
  /** Where it is read from (the Known hosts screen lists this same file); null for a file held in memory. */
  path: string | null;
  label: string;
  lines(): KnownHostLine[];
}

/** ~/.ssh/known_hosts under the given home; a missing or unreadable file has no lines. */
export function openKnownHostsFile(homeDir: string): KnownHostsFile {
  const path = join(homeDir, '.ssh', 'known_hosts');
  let cache: { mtimeMs: number; size: number; lines: KnownHostLine[] } | undefined;
  return {
    path,
    label: '~/.ssh/known_hosts',
    lines() {
      try {
        const st = statSync(path);
        if (!cache || cache.mtimeMs !== st.mtimeMs || cache.size !== st.size) {
          cache = { mtimeMs: st.mtimeMs, size: st.size, lines: parseKnownHosts(readFileSync(path, 'utf8')) };
        }
        return cache.lines;
      } catch {
        return [];
      }
    },
  };
}
