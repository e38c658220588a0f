/**
 * One service's logs from several nodes in one list, ordered by time with
 * each entry's node kept for its badge. Stable: entries with the same time
 * keep their order within a node, and nodes keep the order given. An entry
 * without a time sorts right after the entry before it on its node.
 */
import type { LogEntry } from './logEntry';

export interface NodeLog {
  nodeId: string;
  nodeName: string;
  entries: readonly LogEntry[];
}

export interface MergedEntry extends LogEntry {
  nodeId: string;
  nodeName: string;
}

export function mergeNodeLogs(nodes: readonly NodeLog[]): MergedEntry[] {
  const keyed: { time: number; node: number; index: number; entry: MergedEntry }[] = [];
  nodes.forEach((node, n) => {
    let last = Number.NEGATIVE_INFINITY;
    node.entries.forEach((entry, index) => {
      if (entry.time !== null) last = entry.time;
      keyed.push({ time: entry.time ?? last, node: n, index, entry: { ...entry, nodeId: node.nodeId, nodeName: node.nodeName } });
    });
  });
  keyed.sort((a, b) => a.time - b.time || a.node - b.node || a.index - b.index);
  return keyed.map((k) => k.entry);
}
