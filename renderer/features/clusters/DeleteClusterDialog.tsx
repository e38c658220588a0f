/** Confirms deleting a cluster, naming it and what goes with it, before anything is removed. */
import { Modal } from '../../controls/Modal';
import { confirmDialog } from '../../stores/clusterActions';
import { useDialogStore } from '../../stores/dialogStore';

export function DeleteClusterDialog(props: { clusterName: string; nodeCount: number }) {
  const { isBusy, error, close } = useDialogStore();
  return (
    <Modal
      title={`Delete cluster "${props.clusterName}"?`}
      tone="danger"
      error={error}
      onClose={close}
      onSubmit={() => void confirmDialog()}
      actions={
        <>
          <button type="submit" className="button danger" disabled={isBusy}>
            Delete {props.clusterName}
          </button>
          <button type="button" className="button" onClick={close} autoFocus>
            Cancel
          </button>
        </>
      }
    >
      <p>
        This removes the profile of <strong>{props.clusterName}</strong> and its {props.nodeCount} node{props.nodeCount === 1 ? '' : 's'} from
        ClusterDeck. Nothing on the servers is touched. Export the cluster first if you may need it again.
      </p>
    </Modal>
  );
}
