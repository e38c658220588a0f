/** A labelled multi-line input (notes) with its field error. */
import { useId } from 'react';

interface TextAreaFieldProps {
  label: string;
  value: string;
  onChange(value: string): void;
  error?: string | undefined;
  rows?: number;
}

export function TextAreaField(props: TextAreaFieldProps) {
  const id = useId();
  return (
    <div className={`field field-full${props.error ? ' has-error' : ''}`}>
      <label htmlFor={id}>{props.label}</label>
      <textarea
        id={id}
        rows={props.rows ?? 3}
        value={props.value}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? `${id}-error` : undefined}
        onChange={(e) => props.onChange(e.target.value)}
      />
      {props.error && (
        <div id={`${id}-error`} className="field-error" role="alert">
          {props.error}
        </div>
      )}
    </div>
  );
}
