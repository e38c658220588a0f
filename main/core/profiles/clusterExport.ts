/**
 * The cluster file an operator shares or keeps: ClusterExport JSON with the
 * cluster's fields and its nodes, never a secret (credentials live in their
 * own table and are not read here). Import checks the file field by field.
 */
import { ApiError } from '../../../common/contract/errors';
import {
  CLUSTER_EXPORT_FORMAT,
  ClusterExport,
  type ClusterWithNodes,
} from '../../../common/contract/schemas/profiles';
import { fieldMessages } from '../../../common/rpc/validation';
import { firstRepeatedName } from './nameConflicts';
import { clusterFieldsOf, nodeFieldsOf } from './profileRows';

export function exportFileName(clusterName: string): string {
  // Safe on Windows, macOS and Linux: no separators, no reserved characters.
  const printable = [...clusterName].map((ch) => (ch.charCodeAt(0) < 32 ? '-' : ch)).join('');
  const base = printable.replace(/[\\/:*?"<>|]+/g, '-').replace(/^[.\s-]+|[.\s]+$/g, '') || 'cluster';
  return `${base}.clusterdeck.json`;
}

export function buildClusterExport(cluster: ClusterWithNodes): ClusterExport {
  return {
    format: CLUSTER_EXPORT_FORMAT,
    version: 1,
    cluster: clusterFieldsOf(cluster),
    nodes: cluster.nodes.map(nodeFieldsOf),
  };
}

/** Parses an exported file; any problem is invalid_input with the file's field paths. */
export function parseClusterExport(json: string): ClusterExport {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (err) {
    const why = err instanceof Error ? err.message : 'unreadable';
    throw new ApiError('invalid_input', `The file is not valid JSON (${why}). Choose a file exported by ClusterDeck.`, { json: why });
  }
  const header = typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
  if (header.format !== CLUSTER_EXPORT_FORMAT) {
    const message = `This is not a ClusterDeck cluster file (expected "format": "${CLUSTER_EXPORT_FORMAT}"). Choose a file exported by ClusterDeck.`;
    throw new ApiError('invalid_input', message, { format: message });
  }
  if (typeof header.version === 'number' && header.version > 1) {
    const message = `This cluster file was written by a newer ClusterDeck (file version ${header.version}). Update ClusterDeck to import it.`;
    throw new ApiError('invalid_input', message, { version: message });
  }
  const parsed = ClusterExport.safeParse(data);
  if (!parsed.success) {
    const fields = fieldMessages(parsed.error);
    const [path, message] = Object.entries(fields)[0] ?? ['', 'the file is malformed'];
    throw new ApiError('invalid_input', `The cluster file has a problem at ${path || 'its top level'}: ${message}`, fields);
  }
  const repeat = firstRepeatedName(parsed.data.nodes.map((n) => n.name));
  if (repeat >= 0) {
    const message = `The cluster file names two nodes "${parsed.data.nodes[repeat]?.name}". Node names must differ within a cluster.`;
    throw new ApiError('invalid_input', message, { [`nodes.${repeat}.name`]: message });
  }
  return parsed.data;
}
