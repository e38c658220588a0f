/** The main pane for one node: its address, effective SSH settings and services. */
import type { ClusterNode, ClusterWithNodes } from '../../../common/contract/schemas/profiles';
import { useDialogStore } from '../../stores/dialogStore';
import { useNodeEditorStore } from '../../stores/nodeEditorStore';
import { useSelectionStore } from '../../stores/selectionStore';
import { NodeConnectionPanel } from '../ssh/NodeConnectionPanel';
import { authMethodLabel } from './authMethodOptions';
import { useServiceStatusStore } from '../../stores/serviceStatusStore';
import { NodeServiceRows } from '../services/NodeServiceRows';
import { ScanNodePanel } from '../services/ScanNodePanel';
import { PreflightButton } from '../preflight/PreflightButton';
import { OpenTerminalMenu } from '../terminals/OpenTerminalMenu';

export function NodeOverview(props: { cluster: ClusterWithNodes; node: ClusterNode }) {
  const { cluster, node } = props;
  const openEditor = useNodeEditorStore((s) => s.open);
  const openDialog = useDialogStore((s) => s.open);
  const show = useSelectionStore((s) => s.show);
  const jumpHosts = node.ssh.jumpHosts ?? cluster.ssh.jumpHosts;
  const services = useServiceStatusStore((s) => s.clusters[cluster.id]?.services?.nodes.find((n) => n.nodeId === node.id)?.services) ?? [];
  return (
    <section className="pane" aria-labelledby="node-title">
      <header className="pane-header">
        <button type="button" className="link-button crumb" onClick={() => show({ kind: 'cluster', clusterId: cluster.id })}>
          <span className="cluster-dot" style={{ backgroundColor: cluster.color }} aria-hidden="true" /> {cluster.name}
        </button>
        <span className="crumb-sep">/</span>
        <h1 id="node-title">{node.name}</h1>
        <span className="pane-subtitle mono">{node.host}</span>
      </header>
      <div className="toolbar">
        <button type="button" className="button primary" onClick={() => openEditor(cluster.id, node)}>
          Edit node
        </button>
        <OpenTerminalMenu clusterId={cluster.id} nodeId={node.id} nodeName={node.name} />
        <PreflightButton nodeId={node.id} />
        <span className="toolbar-gap" />
        <button
          type="button"
          className="button danger"
          onClick={() => openDialog({ kind: 'delete-node', nodeId: node.id, nodeName: node.name, clusterId: cluster.id, clusterName: cluster.name })}
        >
          Delete node
        </button>
      </div>
      <NodeConnectionPanel cluster={cluster} node={node} />
      <dl className="facts">
        <div>
          <dt>SSH login</dt>
          <dd className="mono">
            {node.ssh.user ?? cluster.ssh.user}@{node.host}:{node.port ?? node.ssh.port ?? cluster.ssh.port}
          </dd>
        </div>
        <div>
          <dt>Authentication</dt>
          <dd>
            {authMethodLabel(node.ssh.authMethod ?? cluster.ssh.authMethod)}
            {(node.ssh.keyPath ?? cluster.ssh.keyPath) && <span className="mono"> {node.ssh.keyPath ?? cluster.ssh.keyPath}</span>}
          </dd>
        </div>
        <div>
          <dt>Jump hosts</dt>
          <dd className="mono">
            {jumpHosts.length === 0 ? 'direct' : jumpHosts.map((j) => `${j.host}:${j.port}`).join(' → ')}
            {node.ssh.jumpHosts === undefined && jumpHosts.length > 0 ? ' (cluster default)' : ''}
          </dd>
        </div>
      </dl>
      <h2 className="section-title">Services</h2>
      <ScanNodePanel node={node} />
      {services.length === 0 ? (
        <p className="muted-block">No roles ticked: this node runs no Backend.AI service that ClusterDeck manages. Edit the node to add roles.</p>
      ) : (
        <NodeServiceRows cluster={cluster} node={node} services={services} />
      )}
    </section>
  );
}
