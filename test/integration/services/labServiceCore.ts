/**
 * A real core against the lab for the service tests: the lab profile
 * imported, host keys trusted when asked (as a person would), secrets
 * unlocked with bai-a01's sudo password saved, and every pushed event kept.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApiClient } from '../../../common/contract/api';
import type { EventName, EventPayload } from '../../../common/contract/events';
import type { ClusterWithNodes } from '../../../common/contract/schemas/profiles';
import { connect } from '../../../common/rpc/connect';
import { createMemoryTransport } from '../../../common/rpc/memoryTransport';
import { serve } from '../../../common/rpc/serve';
import { createCore, type Core } from '../../../main/core/createCore';
import { createPassphraseCipher } from '../../../main/core/secrets/passphraseCipher';
import { readLabInfo } from '../../lab/labInfo';

export interface LabServiceCore {
  core: Core;
  api: ApiClient;
  cluster: ClusterWithNodes;
  nodeId(name: string): string;
  events: { event: EventName; payload: EventPayload<EventName> }[];
  logged: string[];
}

export async function labServiceCore(options: { saveSudoPassword?: boolean } = {}): Promise<LabServiceCore> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cd-services-'));
  const logged: string[] = [];
  const log = (m: string, d?: Record<string, unknown>) => logged.push(`${m} ${JSON.stringify(d ?? {})}`);
  const core = createCore({
    form: 'web',
    version: 'test',
    paths: { dataDir, backupsDir: join(dataDir, 'backups'), logsDir: join(dataDir, 'logs'), homeDir: mkdtempSync(join(tmpdir(), 'cd-home-')) },
    secrets: createPassphraseCipher({ dataDir, N: 2 ** 12 }),
    now: () => new Date(),
    logger: { info: log, warn: log, error: log },
    actor: 'tester',
  });
  const { server, client } = createMemoryTransport();
  core.events.attach(serve(core.api, server));
  const api = connect(client);
  const events: LabServiceCore['events'] = [];
  client.onEvent((event, payload) => events.push({ event: event as EventName, payload: payload as EventPayload<EventName> }));
  api.on('hostkey.prompt', (p) => void api.answerHostKeyPrompt({ promptId: p.promptId, decision: 'trust-once' }));
  const info = readLabInfo();
  const cluster = await api.importCluster({ json: JSON.stringify(info.profile) });
  const nodeId = (name: string) => {
    const id = cluster.nodes.find((n) => n.name === name)?.id;
    if (!id) throw new Error(`The lab profile has no node ${name}.`);
    return id;
  };
  if (options.saveSudoPassword ?? true) {
    await api.unlockSecrets({ passphrase: 'services lab passphrase' });
    await api.setSecret({ scope: { nodeId: nodeId('bai-a01') }, kind: 'sudo-password', value: info.users.sudoPassword });
  }
  return { core, api, cluster, nodeId, events, logged };
}
