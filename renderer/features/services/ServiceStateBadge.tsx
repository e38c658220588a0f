/** A service's state as a pill, with its detail line as the tooltip; grey "not checked" before any sweep. */
import type { ServiceStatus } from '../../../common/contract/schemas/services';
import { StatusBadge } from '../../controls/StatusBadge';
import { BADGE_OF_STATE, stateText } from './serviceStateLook';

export function ServiceStateBadge(props: { status: ServiceStatus | undefined }) {
  const { status } = props;
  return (
    <span title={status?.detail ?? 'Not checked yet: press Refresh.'} data-state={status?.state ?? 'unchecked'}>
      <StatusBadge status={status ? BADGE_OF_STATE[status.state] : 'unknown'} label={stateText(status)} />
    </span>
  );
}
