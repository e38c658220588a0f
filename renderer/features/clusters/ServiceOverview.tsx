/** The main pane for one service; until service control lands it says what it is and that its status is not checked yet. */
import type { ClusterNode, ClusterWithNodes, Role } from '../../../common/contract/schemas/profiles';
import { StatusBadge } from '../../controls/StatusBadge';
import { useSelectionStore } from '../../stores/selectionStore';
import { servicesOfNode } from './nodeServices';

export function ServiceOverview(props: { cluster: ClusterWithNodes; node: ClusterNode; role: Role }) {
  const { cluster, node } = props;
  const show = useSelectionStore((s) => s.show);
  const service = servicesOfNode([props.role])[0];
  if (!service) return null;
  return (
    <section className="pane" aria-labelledby="service-title">
      <header className="pane-header">
        <button type="button" className="link-button crumb" onClick={() => show({ kind: 'cluster', clusterId: cluster.id })}>
          {cluster.name}
        </button>
        <span className="crumb-sep">/</span>
        <button type="button" className="link-button crumb" onClick={() => show({ kind: 'node', nodeId: node.id })}>
          {node.name}
        </button>
        <span className="crumb-sep">/</span>
        <h1 id="service-title">{service.label}</h1>
        <StatusBadge status="unknown" />
      </header>
      <dl className="facts">
        <div>
          <dt>Runs as</dt>
          <dd className="mono">{service.runsAs}</dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>Not checked yet: ClusterDeck does not query services in this version.</dd>
        </div>
      </dl>
    </section>
  );
}
