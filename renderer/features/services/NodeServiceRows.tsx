/** A node's services as a table: how each runs, its state (with the sweep's detail), and a link to its own view. */
import type { ClusterNode, ClusterWithNodes } from '../../../common/contract/schemas/profiles';
import type { ServiceEntry } from '../../../common/contract/schemas/services';
import { useSelectionStore } from '../../stores/selectionStore';
import { useServiceStatusStore } from '../../stores/serviceStatusStore';
import { ServiceStateBadge } from './ServiceStateBadge';

export function NodeServiceRows(props: { cluster: ClusterWithNodes; node: ClusterNode; services: readonly ServiceEntry[] }) {
  const { cluster, node } = props;
  const show = useSelectionStore((s) => s.show);
  const nodeStatus = useServiceStatusStore((s) => s.clusters[cluster.id]?.nodes[node.id]);
  return (
    <>
      {nodeStatus?.error && (
        <p className="form-error-inline" role="alert">
          {nodeStatus.error}
        </p>
      )}
      <table className="data-table" aria-label={`Services on ${node.name}`}>
        <thead>
          <tr>
            <th>Service</th>
            <th>Runs as</th>
            <th>Status</th>
            <th>Detail</th>
          </tr>
        </thead>
        <tbody>
          {props.services.map((s) => {
            const status = nodeStatus?.statuses.find((x) => x.serviceId === s.id);
            return (
              <tr key={s.id} data-service={s.id}>
                <td>
                  <button type="button" className="link-button" onClick={() => show({ kind: 'service', nodeId: node.id, role: s.role, serviceId: s.id })}>
                    {s.label}
                  </button>
                </td>
                <td className="mono">{s.kind === 'systemd' ? s.unit : `${s.composeFile} -p ${s.composeProject}`}</td>
                <td>
                  <ServiceStateBadge status={status} />
                </td>
                <td className="muted">{status?.detail ?? ''}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}
