/**
 * A log view as a text file: one line per entry (its tracebacks indented
 * under it as they were), with the node's name first in a merged view and the
 * time as ISO 8601 so the file sorts and greps the same anywhere.
 */
import type { LogLine } from '../../../common/contract/schemas/logs';

export function logExportText(lines: readonly LogLine[], nodeNames: ReadonlyMap<string, string>, merged: boolean): string {
  const out: string[] = [];
  for (const line of lines) {
    const when = line.time !== null ? new Date(line.time).toISOString() : (line.timeText ?? '-');
    const node = merged ? `${nodeNames.get(line.nodeId) ?? line.nodeId} ` : '';
    out.push(`${node}${when} ${line.text}`);
    for (const c of line.continuation) out.push(`${node}${when} ${c}`);
  }
  return out.length > 0 ? `${out.join('\n')}\n` : '';
}

/** clusterdeck-<cluster>-<service>-<node or "all">-20261129T062800Z.log, safe on every file system. */
export function logExportFileName(parts: { cluster: string; service: string; node: string | null; at: Date }): string {
  const safe = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 40);
  const stamp = parts.at.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  return `clusterdeck-${safe(parts.cluster)}-${safe(parts.service)}-${safe(parts.node ?? 'all-nodes')}-${stamp}.log`;
}
