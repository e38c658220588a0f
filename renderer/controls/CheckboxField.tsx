/** A checkbox with its label to the right, optionally explained below. */
interface CheckboxFieldProps {
  label: string;
  checked: boolean;
  onChange(checked: boolean): void;
  hint?: string;
}

export function CheckboxField(props: CheckboxFieldProps) {
  return (
    <label className="checkbox">
      <input type="checkbox" checked={props.checked} onChange={(e) => props.onChange(e.target.checked)} />
      <span>{props.label}</span>
      {props.hint && <span className="checkbox-hint">{props.hint}</span>}
    </label>
  );
}
