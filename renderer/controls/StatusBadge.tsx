/** A service or node status as a coloured pill; "unknown" is neutral grey, never green. */
export type Status = 'ok' | 'warning' | 'failed' | 'unknown';

const LABEL: Record<Status, string> = { ok: 'running', warning: 'degraded', failed: 'failed', unknown: 'unknown' };

export function StatusBadge(props: { status: Status; label?: string }) {
  return <span className={`badge badge-${props.status}`}>{props.label ?? LABEL[props.status]}</span>;
}
