/** Confirms removing one node from a cluster's profile. */
import { Modal } from '../../controls/Modal';
import { confirmDialog } from '../../stores/clusterActions';
import { useDialogStore } from '../../stores/dialogStore';

export function DeleteNodeDialog(props: { nodeName: string; clusterName: string }) {
  const { isBusy, error, close } = useDialogStore();
  return (
    <Modal
      title={`Delete node "${props.nodeName}"?`}
      tone="danger"
      error={error}
      onClose={close}
      onSubmit={() => void confirmDialog()}
      actions={
        <>
          <button type="submit" className="button danger" disabled={isBusy}>
            Delete {props.nodeName}
          </button>
          <button type="button" className="button" onClick={close} autoFocus>
            Cancel
          </button>
        </>
      }
    >
      <p>
        This removes <strong>{props.nodeName}</strong> from the profile of cluster <strong>{props.clusterName}</strong>. The server itself is not
        touched.
      </p>
    </Modal>
  );
}
