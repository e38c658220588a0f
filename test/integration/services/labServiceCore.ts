/**
 * A real core against the lab for the service tests: the lab profile
 * imported, host keys trusted when asked (as a person would), secrets
 * unlocked with bai-a01's sudo password saved, and every pushed event kept.
 */
import { afterAll, beforeAll } from 'vitest';
import type { ApiClient } from '../../../common/contract/api';
import type { EventName, EventPayload } from '../../../common/contract/events';
import type { ClusterWithNodes } from '../../../common/contract/schemas/profiles';
import type { Core } from '../../../main/core/createCore';
import { readLabInfo } from '../../lab/labInfo';
import { openLabCore } from '../support/labCore';

export interface LabServiceCore {
  core: Core;
  api: ApiClient;
  cluster: ClusterWithNodes;
  nodeId(name: string): string;
  events: { event: EventName; payload: EventPayload<EventName> }[];
  logged: string[];
}

export async function labServiceCore(options: { saveSudoPassword?: boolean } = {}): Promise<LabServiceCore> {
  const { core, api, cluster, nodeId, events, logged } = await openLabCore({ name: 'services', recordEvents: true });
  const info = readLabInfo();
  if (options.saveSudoPassword ?? true) {
    await api.unlockSecrets({ passphrase: 'services lab passphrase' });
    await api.setSecret({ scope: { nodeId: nodeId('bai-a01') }, kind: 'sudo-password', value: info.users.sudoPassword });
  }
  return { core, api, cluster, nodeId, events, logged };
}

/** The usual set-up of a test file: one service core for the whole file, closed after it; filled in before the first test. */
export function labServiceCoreForThisFile(options: { saveSudoPassword?: boolean } = {}): LabServiceCore {
  const lab = {} as LabServiceCore;
  let opened: LabServiceCore | undefined;
  beforeAll(async () => {
    opened = await labServiceCore(options);
    Object.assign(lab, opened);
  }, 60_000);
  afterAll(async () => {
    await opened?.core.close();
  });
  return lab;
}
