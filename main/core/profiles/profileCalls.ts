/**
 * The cluster-profile calls of the API: clusters and nodes, duplicate,
 * export/import, and hosts offered from ~/.ssh/config. Inputs arrive parsed
 * by their schema; this adds what a schema cannot see (names in use, ids that
 * no longer exist) and leaves one activity row per change.
 */
import type { CoreApi } from '../../../common/contract/api';
import { trackedChange, type ChangeNote } from '../activity/trackedChange';
import type { CoreContext } from '../coreContext';
import { buildClusterExport, exportFileName, parseClusterExport } from './clusterExport';
import { clusterFieldsOf, nodeFieldsOf } from './profileRows';
import { listSshConfigHosts } from './sshConfigHosts';

export type ProfileCalls = Pick<
  CoreApi,
  | 'listClusters'
  | 'getCluster'
  | 'createCluster'
  | 'updateCluster'
  | 'duplicateCluster'
  | 'deleteCluster'
  | 'addNode'
  | 'updateNode'
  | 'deleteNode'
  | 'exportCluster'
  | 'importCluster'
  | 'listSshConfigHosts'
>;

export function profileCalls(ctx: CoreContext): ProfileCalls {
  const { profiles } = ctx;
  const change = <T>(note: ChangeNote, run: (note: ChangeNote) => T): Promise<T> =>
    Promise.resolve().then(() => trackedChange(ctx, note, run));

  return {
    listClusters: async () => profiles.listClusters(),
    getCluster: async ({ clusterId }) => profiles.getCluster(clusterId),

    createCluster: async (fields) =>
      change({ action: 'cluster.create', target: fields.name }, (note) => {
        const cluster = profiles.insertCluster(fields, [], { field: 'name' });
        note.clusterId = cluster.id;
        return cluster;
      }),

    updateCluster: async ({ clusterId, fields }) =>
      change({ action: 'cluster.update', target: fields.name, clusterId }, () =>
        profiles.updateCluster(clusterId, fields, { field: 'fields.name' }),
      ),

    // Credentials are not copied: a copy is for a similar cluster, whose secrets are its own.
    duplicateCluster: async ({ clusterId, name }) =>
      change({ action: 'cluster.duplicate', target: name, detail: `from cluster ${clusterId}` }, (note) => {
        const source = profiles.getCluster(clusterId);
        note.detail = `from "${source.name}"`;
        const copy = profiles.insertCluster(
          { ...clusterFieldsOf(source), name },
          source.nodes.map(nodeFieldsOf),
          { field: 'name' },
          source.id,
        );
        note.clusterId = copy.id;
        return copy;
      }),

    deleteCluster: async ({ clusterId }) => {
      // Already gone (another window deleted it): nothing changed, so nothing to record.
      const existing = profiles.findCluster(clusterId);
      if (!existing) return { deleted: false };
      return change(
        { action: 'cluster.delete', target: existing.name, clusterId, detail: `${existing.nodes.length} node(s)` },
        () => ({ deleted: profiles.deleteCluster(clusterId) }),
      );
    },

    addNode: async ({ clusterId, fields }) =>
      change({ action: 'node.add', target: fields.name, clusterId }, (note) => {
        const node = profiles.insertNode(clusterId, fields, 'fields.name');
        note.nodeId = node.id;
        return node;
      }),

    updateNode: async ({ nodeId, fields }) =>
      change({ action: 'node.update', target: fields.name, nodeId }, (note) => {
        note.clusterId = profiles.getNode(nodeId).clusterId;
        return profiles.updateNode(nodeId, fields, 'fields.name');
      }),

    deleteNode: async ({ nodeId }) => {
      const node = profiles.findNode(nodeId);
      if (!node) return { deleted: false };
      return change({ action: 'node.delete', target: node.name, clusterId: node.clusterId, nodeId }, () => ({
        deleted: profiles.deleteNode(nodeId),
      }));
    },

    exportCluster: async ({ clusterId }) => {
      const cluster = profiles.getCluster(clusterId);
      const json = `${JSON.stringify(buildClusterExport(cluster), null, 2)}\n`;
      ctx.activity.record({ action: 'cluster.export', target: cluster.name, clusterId, result: 'ok' });
      return { fileName: exportFileName(cluster.name), json };
    },

    importCluster: async ({ json, name }) =>
      change({ action: 'cluster.import', target: name ?? '(cluster file)' }, (note) => {
        ctx.store.db(); // a refused store is the problem to show first, not the file's content
        const file = parseClusterExport(json);
        const fields = { ...file.cluster, name: name ?? file.cluster.name };
        note.target = fields.name;
        const cluster = profiles.insertCluster(fields, file.nodes, {
          field: 'name',
          advice: 'Import it under another name.',
        });
        note.clusterId = cluster.id;
        return cluster;
      }),

    listSshConfigHosts: async ({ path }) => listSshConfigHosts(ctx.ports.paths.homeDir, path),
  };
}
