/** A titled group of fields in an editor form. */
import type { ReactNode } from 'react';

export function FormSection(props: { title: string; description?: string; children: ReactNode }) {
  return (
    <fieldset className="form-section">
      <legend>{props.title}</legend>
      {props.description && <p className="form-section-description">{props.description}</p>}
      <div className="form-grid">{props.children}</div>
    </fieldset>
  );
}
