/**
 * A cluster's services x nodes: one row per service, one column per node,
 * each cell the service's state there ("—" where the node does not run it),
 * and a bulk action per row (restart on every node that runs it).
 */
import type { ClusterWithNodes } from '../../../common/contract/schemas/profiles';
import type { ControlAction, ServiceEntry } from '../../../common/contract/schemas/services';
import { useServiceActionStore } from '../../stores/serviceActionStore';
import { useServiceStatusStore } from '../../stores/serviceStatusStore';
import { useSelectionStore } from '../../stores/selectionStore';
import { HealthDot } from './HealthDot';
import { ServiceStateBadge } from './ServiceStateBadge';
import { isUnreachable } from './serviceStateLook';
import './services.css';

export function ServiceMatrix(props: { cluster: ClusterWithNodes }) {
  const { cluster } = props;
  const state = useServiceStatusStore((s) => s.clusters[cluster.id]);
  const open = useServiceActionStore((s) => s.open);
  const show = useSelectionStore((s) => s.show);
  const byNode = new Map((state?.services?.nodes ?? []).map((n) => [n.nodeId, n.services]));
  const rows: ServiceEntry[] = [];
  for (const node of cluster.nodes) for (const s of byNode.get(node.id) ?? []) if (!rows.some((r) => r.id === s.id)) rows.push(s);
  if (!state?.services) return <p className="muted-block">Reading the services of {cluster.name}…</p>;
  if (rows.length === 0) return <p className="muted-block">No node has a role yet, so there are no services to show. Edit a node to tick its roles, or scan it.</p>;
  const bulk = (service: ServiceEntry, action: ControlAction) => {
    const nodeIds = cluster.nodes.filter((n) => byNode.get(n.id)?.some((s) => s.id === service.id)).map((n) => n.id);
    void open({ kind: 'service', clusterId: cluster.id, clusterName: cluster.name, serviceId: service.id, label: service.label, nodeIds, action, isBulk: true });
  };
  return (
    <table className="data-table service-matrix" aria-label={`Services by node in ${cluster.name}`}>
      <thead>
        <tr>
          <th>Service</th>
          {cluster.nodes.map((n) => (
            <th key={n.id}>
              <HealthDot rollup={state.nodes[n.id]?.rollup} unreachable={isUnreachable(state.nodes[n.id])} /> {n.name}
            </th>
          ))}
          <th>On all its nodes</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((service) => (
          <tr key={service.id} data-service={service.id}>
            <th scope="row">{service.label}</th>
            {cluster.nodes.map((n) => {
              const runs = byNode.get(n.id)?.some((s) => s.id === service.id);
              const status = state.nodes[n.id]?.statuses.find((s) => s.serviceId === service.id);
              return (
                <td key={n.id} data-node={n.name}>
                  {runs ? (
                    <button type="button" className="link-button" aria-label={`${service.label} on ${n.name}`} onClick={() => show({ kind: 'service', nodeId: n.id, role: service.role, serviceId: service.id })}>
                      <ServiceStateBadge status={status} />
                    </button>
                  ) : (
                    <span className="matrix-empty">—</span>
                  )}
                </td>
              );
            })}
            <td>
              <button type="button" className="button small" onClick={() => bulk(service, 'restart')}>
                Restart all…
              </button>{' '}
              <button type="button" className="button small" onClick={() => bulk(service, 'start')}>
                Start all…
              </button>{' '}
              <button type="button" className="button small danger" onClick={() => bulk(service, 'stop')}>
                Stop all…
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
