/**
 * The log calls of the API: follow or read a unit's journal or a compose
 * service's logs on a node, pushed to the renderer in batches.
 */
import type { CoreApi } from '../../../../common/contract/api';
import type { logMethods } from '../../../../common/contract/schemas/logs';
import type { CoreContext } from '../../coreContext';

export function logCalls(_ctx: CoreContext): Pick<CoreApi, keyof typeof logMethods> {
  return {};
}
