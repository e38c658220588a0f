/**
 * The composition root: from the ports (paths, cipher, clock, log) it opens
 * the store, builds each domain and joins their calls into one CoreApi.
 * A refused database does not stop core: getAppInfo reports why, and every
 * store-backed call fails with that message.
 *
 * Adding a domain: write `<domain>Calls(ctx): Pick<CoreApi, ...>` in its
 * folder and spread it into `api` below (the CoreApi type demands every call).
 */
import { mkdirSync } from 'node:fs';
import type { CoreApi } from '../../common/contract/api';
import type { StoreState } from '../../common/contract/schemas/app';
import { createActivityLog } from './activity/activityLog';
import { backupCalls } from './actions/backup/backupCalls';
import { logCalls } from './actions/logs/logCalls';
import { preflightCalls } from './actions/preflight/preflightCalls';
import { serviceCalls } from './actions/serviceCalls';
import { appCalls } from './app/appCalls';
import type { CoreContext } from './coreContext';
import { createEventHub, type EventHub } from './eventHub';
import type { CorePorts } from './ports';
import { profileCalls } from './profiles/profileCalls';
import { secretsCalls } from './secrets/secretsCalls';
import { secretsOf } from './secrets/secretsDomain';
import { createRedactingLogger } from './secrets/redaction';
import { sshEngineOf } from './ssh/sshDomain';
import { sshCalls } from './ssh/sshCalls';
import { terminalCalls } from './terminal/terminalCalls';
import { createProfileRepository } from './profiles/profileRepository';
import { openStore } from './store/openStore';

export interface Core {
  api: CoreApi;
  events: EventHub;
  storeState: StoreState;
  /** The laptop woke up: reconnect dropped nodes at once instead of waiting out their backoff. */
  resume(): void;
  close(): Promise<void>;
}

export function createCore(ports: CorePorts): Core {
  for (const dir of [ports.paths.dataDir, ports.paths.backupsDir, ports.paths.logsDir]) mkdirSync(dir, { recursive: true });

  const events = createEventHub();
  const store = openStore({ dataDir: ports.paths.dataDir, now: ports.now, logger: ports.logger });
  const cleanups: (() => void | Promise<void>)[] = [];
  const ctx: CoreContext = {
    ports,
    events,
    store,
    activity: createActivityLog(store, ports),
    profiles: createProfileRepository(store, ports.now),
    onClose: (cleanup) => cleanups.unshift(cleanup),
  };
  // Every domain logs through this: secret values core has handled never reach the log.
  ctx.ports = { ...ports, logger: createRedactingLogger(ports.logger, secretsOf(ctx).seen) };

  const api: CoreApi = {
    ...appCalls(ctx),
    ...profileCalls(ctx),
    ...sshCalls(ctx),
    ...secretsCalls(ctx),
    ...terminalCalls(ctx),
    ...serviceCalls(ctx),
    ...logCalls(ctx),
    ...preflightCalls(ctx),
    ...backupCalls(ctx),
  };

  let closing: Promise<void> | undefined;
  return {
    api,
    events,
    storeState: store.state,
    resume: () => sshEngineOf(ctx).resume(),
    close() {
      closing ??= (async () => {
        for (const cleanup of cleanups) {
          try {
            await cleanup();
          } catch (err) {
            ports.logger.error('cleanup failed while closing core', { error: err instanceof Error ? err.message : String(err) });
          }
        }
        store.close();
      })();
      return closing;
    },
  };
}
