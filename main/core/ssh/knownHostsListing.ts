/**
 * What the operator's ~/.ssh/known_hosts says, for the Known hosts screen:
 * each line with its markers, key and fingerprint, and which saved nodes or
 * jump hosts it names. Read-only; hashed names stay hashed (they are only
 * matched against the saved addresses). A missing file is an empty list and
 * unreadable lines are counted, never fatal, as the verifier treats them.
 */
import { readFile } from 'node:fs/promises';
import type { ClusterWithNodes } from '../../../common/contract/schemas/profiles';
import type { FileKnownHost, KnownHostMatch, KnownHostsFileInfo } from '../../../common/contract/schemas/ssh';
import { fingerprintOf } from './hostKeyDecision';
import { isHashedPattern, lineNamesHost, readKnownHostsText } from './knownHostsFile';
import { resolveNodeTarget } from './nodeTarget';

/** How many skipped line numbers are listed; the count is always exact. */
const SKIPPED_SHOWN = 20;
/**
 * Lines matched between yields to the event loop. A hashed line costs one
 * HMAC per address: 2,000 hashed lines x 200 addresses took ~1.8 s on the
 * lab machine, too long to hold the main process (keepalives, other calls).
 */
const LINES_PER_TURN = 100;

/** Every address ClusterDeck connects to: each node, and each cluster's jump hosts once. */
export function savedAddressesOf(clusters: readonly ClusterWithNodes[]): KnownHostMatch[] {
  const out: KnownHostMatch[] = [];
  const seen = new Set<string>();
  for (const cluster of clusters) {
    for (const node of cluster.nodes) {
      for (const hop of resolveNodeTarget(cluster, node).hops) {
        const key = `${hop.isJump ? cluster.id : node.id}|${hop.host.toLowerCase()}:${hop.port}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push({
          kind: hop.isJump ? 'jump' : 'node',
          clusterId: cluster.id,
          clusterName: cluster.name,
          nodeId: hop.isJump ? null : node.id,
          name: hop.label,
          host: hop.host,
          port: hop.port,
        });
      }
    }
  }
  return out;
}

export interface KnownHostsListing {
  entries: FileKnownHost[];
  file: KnownHostsFileInfo;
}

export async function listKnownHostsFile(path: string, label: string, addresses: readonly KnownHostMatch[]): Promise<KnownHostsListing> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      return { entries: [], file: { path, label, state: 'missing', skipped: 0, skippedLines: [] } };
    }
    const why = err instanceof Error ? err.message : String(err);
    return {
      entries: [],
      file: {
        path,
        label,
        state: 'unreadable',
        message: `ClusterDeck could not read ${path} (${why}), so it trusts no key from it. Check the file's permissions.`,
        skipped: 0,
        skippedLines: [],
      },
    };
  }
  const { entries, skippedLines } = await fileEntriesOf(text, addresses);
  return {
    entries,
    file: { path, label, state: 'read', skipped: skippedLines.length, skippedLines: skippedLines.slice(0, SKIPPED_SHOWN) },
  };
}

/** The readable lines of a known_hosts text as screen entries, with the saved addresses each names. */
export async function fileEntriesOf(text: string, addresses: readonly KnownHostMatch[]): Promise<{ entries: FileKnownHost[]; skippedLines: number[] }> {
  const { lines, skippedLines } = readKnownHostsText(text);
  const entries: FileKnownHost[] = [];
  for (const l of lines) {
    if (entries.length > 0 && entries.length % LINES_PER_TURN === 0) await new Promise((r) => setImmediate(r));
    entries.push({
      source: 'known_hosts',
      line: l.line,
      marker: l.marker,
      patterns: l.patterns,
      hashed: l.patterns.some(isHashedPattern),
      keyType: l.keyType,
      fingerprint: fingerprintOf(l.keyBase64),
      matches: addresses.filter((a) => lineNamesHost(l, a.host, a.port)),
    });
  }
  return { entries, skippedLines };
}
