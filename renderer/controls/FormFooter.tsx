/** The end of an editor form: the form-level error, then save and cancel. */
import { SubmitCancelActions } from './SubmitCancelActions';

export function FormFooter(props: { formError: string | null; isSaving: boolean; submitLabel: string; onCancel: () => void }) {
  return (
    <>
      {props.formError && (
        <div className="form-error" role="alert">
          {props.formError}
        </div>
      )}
      <div className="form-actions">
        <SubmitCancelActions submitLabel={props.submitLabel} isSubmitDisabled={props.isSaving} onCancel={props.onCancel} />
      </div>
    </>
  );
}
