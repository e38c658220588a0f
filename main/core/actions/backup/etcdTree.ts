/**
 * The JSON `backend.ai mgr etcd get --prefix ''` prints: a nested object
 * whose leaves are strings (a key with children keeps its own value under
 * ""). Counting leaves verifies a backup; flattening two trees and diffing
 * them checks a restore.
 */

export type EtcdTree = { [part: string]: string | EtcdTree };

export function parseEtcdTree(text: string): EtcdTree {
  const value: unknown = JSON.parse(text);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error('the top level is not a JSON object');
  return value as EtcdTree;
}

/** Leaf path ("config/redis/addr") -> value. */
export function flattenEtcdTree(tree: EtcdTree, prefix = '', into = new Map<string, string>()): Map<string, string> {
  for (const [key, value] of Object.entries(tree)) {
    const path = key === '' ? prefix : prefix ? `${prefix}/${key}` : key;
    if (typeof value === 'string') into.set(path, value);
    else if (value && typeof value === 'object') flattenEtcdTree(value, path, into);
  }
  return into;
}

export function describeEtcdTree(text: string): { ok: true; keys: number } | { ok: false; problem: string } {
  let tree: EtcdTree;
  try {
    tree = parseEtcdTree(text);
  } catch (err) {
    return { ok: false, problem: `the etcd backup is not valid JSON (${(err as Error).message}).` };
  }
  const keys = flattenEtcdTree(tree).size;
  if (keys === 0) return { ok: false, problem: 'the etcd backup holds no keys at all; the manager could not read etcd when it was taken.' };
  return { ok: true, keys };
}

/** Sentences naming what `actual` lacks, adds or changes against `wanted` (at most `limit`). */
export function diffEtcdTrees(wanted: Map<string, string>, actual: Map<string, string>, limit = 20): string[] {
  const out: string[] = [];
  for (const [key, value] of wanted) {
    if (!actual.has(key)) out.push(`missing key ${key}`);
    else if (actual.get(key) !== value) out.push(`key ${key} differs`);
  }
  for (const key of actual.keys()) if (!wanted.has(key)) out.push(`extra key ${key}`);
  return out.length > limit ? [...out.slice(0, limit), `… and ${out.length - limit} more`] : out;
}
