/**
 * A real core against the lab, reached through serve() and the memory
 * transport (the same validation path as IPC and WebSocket): temp data and
 * home folders, the passphrase cipher, a log kept in memory, and the lab's
 * cluster profile imported. Host keys are trusted once when asked, as a
 * person would, unless the test answers the prompts itself.
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
import type { CorePorts } from '../../../main/core/ports';
import { createPassphraseCipher } from '../../../main/core/secrets/passphraseCipher';
import { readLabInfo } from '../../lab/labInfo';

export interface LabCore {
  core: Core;
  api: ApiClient;
  cluster: ClusterWithNodes;
  /** The lab node's id in the imported cluster; throws for a name the profile lacks. */
  nodeId(name: string): string;
  /** Every log line core wrote ("message {detail}"), to check what reaches the log. */
  logged: string[];
  /** Every pushed event, in order, when asked for with recordEvents. */
  events: { event: EventName; payload: EventPayload<EventName> }[];
  backupsDir: string;
}

export interface LabCoreOptions {
  /** Folder name prefix under the temp dir. */
  name: string;
  backupsDir?: string;
  /** False when the test answers hostkey.prompt itself. */
  trustHostKeys?: boolean;
  recordEvents?: boolean;
  /** Ports that replace the defaults (a clock or timer a test drives). */
  ports?: Pick<Partial<CorePorts>, 'now' | 'every' | 'revealPath'>;
}

export async function openLabCore(options: LabCoreOptions): Promise<LabCore> {
  const dataDir = mkdtempSync(join(tmpdir(), `cd-${options.name}-`));
  const backupsDir = options.backupsDir ?? join(dataDir, 'backups');
  const logged: string[] = [];
  const log = (m: string, d?: Record<string, unknown>) => logged.push(`${m} ${JSON.stringify(d ?? {})}`);
  const core = createCore({
    form: 'web',
    version: 'test',
    paths: { dataDir, backupsDir, logsDir: join(dataDir, 'logs'), homeDir: mkdtempSync(join(tmpdir(), 'cd-home-')) },
    secrets: createPassphraseCipher({ dataDir, N: 2 ** 12 }),
    now: () => new Date(),
    logger: { info: log, warn: log, error: log },
    actor: 'tester',
    ...options.ports,
  });
  const { server, client } = createMemoryTransport();
  core.events.attach(serve(core.api, server));
  const api = connect(client);
  const events: LabCore['events'] = [];
  if (options.recordEvents) client.onEvent((event, payload) => events.push({ event: event as EventName, payload: payload as EventPayload<EventName> }));
  if (options.trustHostKeys ?? true) api.on('hostkey.prompt', (p) => void api.answerHostKeyPrompt({ promptId: p.promptId, decision: 'trust-once' }));
  const cluster = await api.importCluster({ json: JSON.stringify(readLabInfo().profile) });
  const nodeId = (name: string) => {
    const id = cluster.nodes.find((n) => n.name === name)?.id;
    if (!id) throw new Error(`The lab profile has no node ${name}.`);
    return id;
  };
  return { core, api, cluster, nodeId, logged, events, backupsDir };
}
