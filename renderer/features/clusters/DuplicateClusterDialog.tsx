/** Copies a cluster (fields and nodes, no secrets) under a new name. */
import { Modal } from '../../controls/Modal';
import { TextField } from '../../controls/TextField';
import { confirmDialog } from '../../stores/clusterActions';
import { useDialogStore } from '../../stores/dialogStore';
import { SubmitCancelActions } from '../../controls/SubmitCancelActions';

export function DuplicateClusterDialog(props: { sourceName: string; name: string }) {
  const { isBusy, error, fieldErrors, close, update } = useDialogStore();
  return (
    <Modal
      title={`Duplicate "${props.sourceName}"`}
      error={error}
      onClose={close}
      onSubmit={() => void confirmDialog()}
      actions={<SubmitCancelActions submitLabel="Duplicate" isSubmitDisabled={isBusy} onCancel={close} />}
    >
      <p>The copy gets the same settings and nodes. Saved passwords are not copied.</p>
      <TextField label="New cluster name" value={props.name} error={fieldErrors.name} autoFocus onChange={(name) => update('duplicate-cluster', { name })} />
    </Modal>
  );
}
