/**
 * The service calls of the API: status sweeps, control, bulk actions and
 * node scans, run over the SSH engine.
 */
import type { CoreApi } from '../../../common/contract/api';
import type { serviceMethods } from '../../../common/contract/schemas/services';
import type { CoreContext } from '../coreContext';

export function serviceCalls(_ctx: CoreContext): Pick<CoreApi, keyof typeof serviceMethods> {
  return {};
}
