/** "Start cluster" / "Stop cluster": every service in dependency order, through the action dialog. */
import type { ClusterWithNodes } from '../../../common/contract/schemas/profiles';
import { useServiceActionStore } from '../../stores/serviceActionStore';

export function ClusterRunButtons(props: { cluster: ClusterWithNodes }) {
  const open = useServiceActionStore((s) => s.open);
  const { cluster } = props;
  const run = (action: 'start' | 'stop') => void open({ kind: 'cluster', clusterId: cluster.id, clusterName: cluster.name, action });
  return (
    <>
      <button type="button" className="button" onClick={() => run('start')}>
        Start cluster
      </button>
      <button type="button" className="button danger" onClick={() => run('stop')}>
        Stop cluster
      </button>
    </>
  );
}
