/**
 * Confirms removing something from the saved profiles (a cluster or a node), naming it; the
 * body says what goes with it. Servers are never touched by a profile delete.
 */
import type { ReactNode } from 'react';
import { Modal } from '../../controls/Modal';
import { confirmDialog } from '../../stores/clusterActions';
import { useDialogStore } from '../../stores/dialogStore';
import { SubmitCancelActions } from '../../controls/SubmitCancelActions';

export function DeleteProfileDialog(props: { kind: 'cluster' | 'node'; name: string; children: ReactNode }) {
  const { isBusy, error, close } = useDialogStore();
  return (
    <Modal
      title={`Delete ${props.kind} "${props.name}"?`}
      tone="danger"
      error={error}
      onClose={close}
      onSubmit={() => void confirmDialog()}
      actions={<SubmitCancelActions submitLabel={<>Delete {props.name}</>} isSubmitDisabled={isBusy} onCancel={close} tone="danger" />}
    >
      <p>{props.children}</p>
    </Modal>
  );
}
