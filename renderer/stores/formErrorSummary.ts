/**
 * An editor's field errors: cleared per field as it is edited, and summed up
 * in the line above the form's buttons after a refused save. When every problem
 * is shown next to its field, it only points there; otherwise (a file-level
 * or conflict error) it carries the API's own sentence.
 */
export function formErrorSummary(fieldErrors: Record<string, string>, isShownField: (key: string) => boolean, apiMessage: string): string {
  const keys = Object.keys(fieldErrors);
  if (keys.length === 0 || !keys.every(isShownField)) return apiMessage;
  return keys.length === 1 ? 'Check the field marked in red, then save again.' : `Check the ${keys.length} fields marked in red, then save again.`;
}

/** Draft keys plus the rows of a jump host chain ("jumpHosts.0.host"). */
export function isDraftField(draft: object, key: string): boolean {
  return key in draft || /^jumpHosts\.\d+\.(host|port|user)$/.test(key);
}

/** A draft after an edit: editing a field clears its stale error; the others stay until the next save. */
export function patchedDraft<D extends object>(state: { draft: D; fieldErrors: Record<string, string> }, patch: Partial<D>) {
  const fieldErrors = { ...state.fieldErrors };
  for (const key of Object.keys(patch)) delete fieldErrors[key];
  return { draft: { ...state.draft, ...patch }, fieldErrors };
}
