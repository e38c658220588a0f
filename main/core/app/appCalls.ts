/**
 * App-level calls: what this build is, where its data lives, whether the
 * store opened (and if not, why, in words for the first screen), whether
 * secrets can be read, and the activity log.
 */
import type { CoreApi } from '../../../common/contract/api';
import type { CoreContext } from '../coreContext';

export type AppCalls = Pick<CoreApi, 'getAppInfo' | 'listActivity'>;

export function appCalls(ctx: CoreContext): AppCalls {
  const { ports, store, activity } = ctx;
  return {
    getAppInfo: async () => ({
      version: ports.version,
      form: ports.form,
      dataDir: ports.paths.dataDir,
      store: store.state,
      secrets: secretsState(ctx),
    }),
    listActivity: async ({ clusterId, limit }) => activity.list({ clusterId, limit }),
  };
}

function secretsState(ctx: CoreContext): 'unlocked' | 'locked' | 'unavailable' {
  try {
    return ctx.ports.secrets.isAvailable() ? 'unlocked' : 'locked';
  } catch {
    // A cipher that cannot even answer (no OS keychain backend) cannot seal anything.
    return 'unavailable';
  }
}
