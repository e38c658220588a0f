/** The buttons above a cluster: edit, add node, import hosts, duplicate, export, delete. */
import { useState } from 'react';
import type { ClusterWithNodes } from '../../../common/contract/schemas/profiles';
import { exportCluster, openSshConfigImport } from '../../stores/clusterActions';
import { useClusterEditorStore } from '../../stores/clusterEditorStore';
import { useDialogStore } from '../../stores/dialogStore';
import { useNodeEditorStore } from '../../stores/nodeEditorStore';

export function ClusterActionsBar(props: { cluster: ClusterWithNodes }) {
  const { cluster } = props;
  const openClusterEditor = useClusterEditorStore((s) => s.open);
  const openNodeEditor = useNodeEditorStore((s) => s.open);
  const openDialog = useDialogStore((s) => s.open);
  const [exportError, setExportError] = useState<string | null>(null);
  return (
    <div className="toolbar" role="toolbar" aria-label={`Actions for ${cluster.name}`}>
      <button type="button" className="button primary" onClick={() => openNodeEditor(cluster.id, null)}>
        Add node
      </button>
      <button type="button" className="button" onClick={() => openSshConfigImport(cluster.id, cluster.name)}>
        Import hosts from ~/.ssh/config
      </button>
      <button type="button" className="button" onClick={() => openClusterEditor(cluster)}>
        Edit cluster
      </button>
      <span className="toolbar-gap" />
      <button
        type="button"
        className="button"
        onClick={() => openDialog({ kind: 'duplicate-cluster', clusterId: cluster.id, sourceName: cluster.name, name: `${cluster.name} copy` })}
      >
        Duplicate
      </button>
      <button type="button" className="button" onClick={() => void exportCluster(cluster.id).then(setExportError)}>
        Export
      </button>
      <button
        type="button"
        className="button danger"
        onClick={() => openDialog({ kind: 'delete-cluster', clusterId: cluster.id, clusterName: cluster.name, nodeCount: cluster.nodes.length })}
      >
        Delete
      </button>
      {exportError && (
        <div className="form-error" role="alert">
          {exportError}
        </div>
      )}
    </div>
  );
}
