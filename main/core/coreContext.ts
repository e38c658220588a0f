/**
 * What every domain of core is built from: the injected ports, the event hub,
 * the store, the activity log and the cluster profiles. createCore makes one;
 * each domain's calls function takes it and returns its slice of CoreApi.
 */
import type { EventHub } from './eventHub';
import type { ActivityLog } from './activity/activityLog';
import type { ProfileRepository } from './profiles/profileRepository';
import type { CorePorts } from './ports';
import type { Store } from './store/openStore';

export interface CoreContext {
  ports: CorePorts;
  events: EventHub;
  store: Store;
  activity: ActivityLog;
  profiles: ProfileRepository;
  /** Work to run on close(), newest first (a domain's pools, timers, watchers). */
  onClose(cleanup: () => void | Promise<void>): void;
}
