/** Opens a cluster's Backups view; shows the last good backup's age beside it. */
import type { ClusterWithNodes } from '../../../common/contract/schemas/profiles';
import { useSelectionStore } from '../../stores/selectionStore';
import { LastGoodBackupAge } from './LastGoodBackupAge';
import './backups.css';

export function BackupsButton(props: { cluster: ClusterWithNodes }) {
  const show = useSelectionStore((s) => s.show);
  return (
    <div className="toolbar" role="toolbar" aria-label={`Backups of ${props.cluster.name}`}>
      <button type="button" className="button" onClick={() => show({ kind: 'backups', clusterId: props.cluster.id })}>
        Backups
      </button>
      <span className="muted">Last good backup:</span> <LastGoodBackupAge clusterId={props.cluster.id} />
    </div>
  );
}
