/** A labelled text input with its field error (from ApiError.fields) right below it. */
import { useId, type HTMLAttributes } from 'react';

interface TextFieldProps {
  label: string;
  value: string;
  onChange(value: string): void;
  error?: string | undefined;
  hint?: string;
  placeholder?: string;
  type?: 'text' | 'color';
  inputMode?: HTMLAttributes<HTMLInputElement>['inputMode'];
  isMonospace?: boolean;
  autoFocus?: boolean;
  width?: 'short' | 'medium' | 'full';
}

export function TextField(props: TextFieldProps) {
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [props.error ? errorId : '', props.hint ? hintId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field field-${props.width ?? 'full'}${props.error ? ' has-error' : ''}`}>
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        type={props.type ?? 'text'}
        value={props.value}
        placeholder={props.placeholder}
        inputMode={props.inputMode}
        className={props.isMonospace ? 'mono' : undefined}
        spellCheck={false}
        autoComplete="off"
        autoFocus={props.autoFocus}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => props.onChange(e.target.value)}
      />
      {props.hint && !props.error && (
        <div id={hintId} className="field-hint">
          {props.hint}
        </div>
      )}
      {props.error && (
        <div id={errorId} className="field-error" role="alert">
          {props.error}
        </div>
      )}
    </div>
  );
}
