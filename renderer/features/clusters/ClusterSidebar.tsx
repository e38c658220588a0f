/** The left column: the cluster tree with its heading and the add/import buttons. */
import { useClusterEditorStore } from '../../stores/clusterEditorStore';
import { useProfilesStore } from '../../stores/profilesStore';
import { ClusterTree } from './ClusterTree';
import { ImportFileButton } from './ImportFileButton';

export function ClusterSidebar() {
  const clusters = useProfilesStore((s) => s.clusters);
  const openEditor = useClusterEditorStore((s) => s.open);
  const nodeCount = clusters.reduce((n, c) => n + c.nodes.length, 0);
  return (
    <nav className="sidebar" aria-label="Cluster navigation">
      <div className="sidebar-header">
        <span className="sidebar-title">Clusters</span>
        <span className="sidebar-count">
          {clusters.length} · {nodeCount} nodes
        </span>
        <button type="button" className="icon-button" title="Add a cluster" aria-label="Add cluster" onClick={() => openEditor(null)}>
          +
        </button>
        <ImportFileButton variant="icon" />
      </div>
      {clusters.length === 0 ? <p className="sidebar-empty">No clusters yet.</p> : <ClusterTree />}
    </nav>
  );
}
