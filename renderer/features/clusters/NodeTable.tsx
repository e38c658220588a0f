/** A cluster's nodes as a dense table: name, address, effective SSH user, roles, status. */
import type { ClusterWithNodes } from '../../../common/contract/schemas/profiles';
import { StatusBadge } from '../../controls/StatusBadge';
import { useDialogStore } from '../../stores/dialogStore';
import { useNodeEditorStore } from '../../stores/nodeEditorStore';
import { useSelectionStore } from '../../stores/selectionStore';
import { roleLabel } from './nodeServices';

export function NodeTable(props: { cluster: ClusterWithNodes }) {
  const { cluster } = props;
  const show = useSelectionStore((s) => s.show);
  const openEditor = useNodeEditorStore((s) => s.open);
  const openDialog = useDialogStore((s) => s.open);
  if (cluster.nodes.length === 0) {
    return <p className="muted-block">No nodes yet. Add the cluster's hosts with "Add node" or import them from ~/.ssh/config.</p>;
  }
  return (
    <table className="data-table" aria-label={`Nodes of ${cluster.name}`}>
      <thead>
        <tr>
          <th>Node</th>
          <th>Address</th>
          <th>SSH user</th>
          <th>Roles</th>
          <th>Status</th>
          <th aria-label="Actions" />
        </tr>
      </thead>
      <tbody>
        {cluster.nodes.map((node) => (
          <tr key={node.id}>
            <td>
              <button type="button" className="link-button" onClick={() => show({ kind: 'node', nodeId: node.id })}>
                {node.name}
              </button>
            </td>
            <td className="mono">
              {node.host}:{node.port ?? node.ssh.port ?? cluster.ssh.port}
            </td>
            <td className="mono">{node.ssh.user ?? cluster.ssh.user}</td>
            <td>
              {node.roles.length === 0 ? (
                <span className="muted">none</span>
              ) : (
                node.roles.map((r) => (
                  <span key={r} className="chip">
                    {roleLabel(r)}
                  </span>
                ))
              )}
            </td>
            <td>
              <StatusBadge status="unknown" />
            </td>
            <td className="row-actions">
              <button type="button" className="button small" aria-label={`Edit node ${node.name}`} onClick={() => openEditor(cluster.id, node)}>
                Edit
              </button>
              <button
                type="button"
                className="button small danger"
                aria-label={`Delete node ${node.name}`}
                onClick={() => openDialog({ kind: 'delete-node', nodeId: node.id, nodeName: node.name, clusterId: cluster.id, clusterName: cluster.name })}
              >
                Delete
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
