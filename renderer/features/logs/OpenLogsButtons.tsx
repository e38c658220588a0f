/** "Logs" for a service on this node, and "Logs of all nodes" when several nodes run it: they open the log view. */
import { useSelectionStore } from '../../stores/selectionStore';

export function OpenLogsButtons(props: { clusterId: string; nodeId: string; serviceId: string; label: string; nodeCount: number }) {
  const show = useSelectionStore((s) => s.show);
  return (
    <div className="toolbar" role="toolbar" aria-label={`Logs of ${props.label}`}>
      <button type="button" className="button" onClick={() => show({ kind: 'logs', clusterId: props.clusterId, serviceId: props.serviceId, nodeIds: [props.nodeId] })}>
        Open logs
      </button>
      {props.nodeCount > 1 && (
        <button type="button" className="button" onClick={() => show({ kind: 'logs', clusterId: props.clusterId, serviceId: props.serviceId, nodeIds: null })}>
          Logs of all {props.nodeCount} nodes
        </button>
      )}
    </div>
  );
}
