/** Imports a cluster file, optionally under another name (to keep an existing cluster of the same name). */
import { Modal } from '../../controls/Modal';
import { TextField } from '../../controls/TextField';
import { confirmDialog } from '../../stores/clusterActions';
import { useDialogStore } from '../../stores/dialogStore';
import { SubmitCancelActions } from '../../controls/SubmitCancelActions';

export function ImportClusterDialog(props: { fileName: string; name: string; hasFile: boolean }) {
  const { isBusy, error, fieldErrors, close, update } = useDialogStore();
  return (
    <Modal
      title="Import a cluster file"
      error={error}
      onClose={close}
      onSubmit={() => void confirmDialog()}
      actions={<SubmitCancelActions submitLabel="Import" isSubmitDisabled={isBusy || !props.hasFile} onCancel={close} />}
    >
      <p>
        File: <span className="mono">{props.fileName}</span>
      </p>
      <TextField
        label="Import as (new name)"
        value={props.name}
        error={fieldErrors.name}
        hint="Leave blank to keep the name in the file."
        autoFocus
        onChange={(name) => update('import-cluster', { name })}
      />
    </Modal>
  );
}
