/**
 * A modal dialog on the native <dialog> element: the browser traps focus,
 * closes on Escape and makes the rest of the page inert.
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';

interface ModalProps {
  title: string;
  onClose(): void;
  /** The primary action: its button is type="submit", so Enter in a field runs it too. */
  onSubmit(): void;
  children: ReactNode;
  actions: ReactNode;
  error?: string | null;
  tone?: 'normal' | 'danger';
  width?: 'narrow' | 'wide';
}

export function Modal(props: ModalProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const { onClose } = props;
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    const onCancel = (e: Event) => {
      e.preventDefault();
      onClose();
    };
    dialog?.addEventListener('cancel', onCancel);
    return () => dialog?.removeEventListener('cancel', onCancel);
  }, [onClose]);
  return (
    <dialog ref={ref} className={`modal modal-${props.width ?? 'narrow'} modal-${props.tone ?? 'normal'}`} aria-labelledby={titleId}>
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          props.onSubmit();
        }}
      >
        <h2 id={titleId} className="modal-title">
          {props.title}
        </h2>
        <div className="modal-body">{props.children}</div>
        {props.error && (
          <div className="form-error" role="alert">
            {props.error}
          </div>
        )}
        <div className="modal-actions">{props.actions}</div>
      </form>
    </dialog>
  );
}
