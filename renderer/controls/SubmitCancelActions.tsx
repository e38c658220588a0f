/**
 * The submit-then-cancel button pair every form and dialog ends with. Danger dialogs put the focus
 * on Cancel, so Enter right after opening one does not run the destructive action.
 */
import type { ReactNode } from 'react';

export function SubmitCancelActions(props: {
  submitLabel: ReactNode;
  isSubmitDisabled: boolean;
  onCancel: () => void;
  tone?: 'primary' | 'danger';
  isCancelDisabled?: boolean;
}) {
  const tone = props.tone ?? 'primary';
  return (
    <>
      <button type="submit" className={`button ${tone}`} disabled={props.isSubmitDisabled}>
        {props.submitLabel}
      </button>
      <button type="button" className="button" disabled={props.isCancelDisabled} onClick={props.onCancel} autoFocus={tone === 'danger'}>
        Cancel
      </button>
    </>
  );
}
