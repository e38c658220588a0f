/**
 * The backup calls of the API: PostgreSQL and etcd backups streamed to the
 * laptop, their history, verification and restores.
 */
import type { CoreApi } from '../../../../common/contract/api';
import type { backupMethods } from '../../../../common/contract/schemas/backups';
import type { CoreContext } from '../../coreContext';

export function backupCalls(_ctx: CoreContext): Pick<CoreApi, keyof typeof backupMethods> {
  return {};
}
