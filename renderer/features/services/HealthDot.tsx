/** A cluster's or node's health as a small dot with its summary as text for screen readers and the tooltip. */
import type { StatusRollup } from '../../../common/contract/schemas/services';
import './services.css';

export function HealthDot(props: { rollup: StatusRollup | null | undefined; unreachable?: boolean }) {
  const health = props.unreachable ? 'amber' : (props.rollup?.health ?? 'grey');
  const summary = props.unreachable ? 'unreachable' : (props.rollup?.summary ?? 'not checked');
  return <span className={`health-dot health-${health}`} role="img" aria-label={`health ${health}: ${summary}`} title={summary} data-health={health} />;
}
