/**
 * Start / stop / restart of one service on one node, in its own words:
 * units start, stop, restart; compose services `up -d`, `down`, restart.
 */
import type { ClusterWithNodes } from '../../../common/contract/schemas/profiles';
import { CONTROL_ACTIONS, type ControlAction, type ServiceEntry } from '../../../common/contract/schemas/services';
import { useServiceActionStore } from '../../stores/serviceActionStore';

const COMPOSE_WORDS: Record<ControlAction, string> = { start: 'Up (up -d)', stop: 'Down', restart: 'Restart' };
const UNIT_WORDS: Record<ControlAction, string> = { start: 'Start', stop: 'Stop', restart: 'Restart' };

export function ServiceControls(props: { cluster: ClusterWithNodes; nodeId: string; service: ServiceEntry }) {
  const open = useServiceActionStore((s) => s.open);
  const { cluster, service } = props;
  const words = service.kind === 'compose' ? COMPOSE_WORDS : UNIT_WORDS;
  const act = (action: ControlAction) =>
    void open({ kind: 'service', clusterId: cluster.id, clusterName: cluster.name, serviceId: service.id, label: service.label, nodeIds: [props.nodeId], action, isBulk: false });
  return (
    <div className="toolbar" role="toolbar" aria-label={`Control ${service.label}`}>
      {CONTROL_ACTIONS.map((a) => (
        <button key={a} type="button" className={`button${a === 'stop' ? ' danger' : ''}`} onClick={() => act(a)}>
          {words[a]}
        </button>
      ))}
    </div>
  );
}
