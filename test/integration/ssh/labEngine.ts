/**
 * Builds an SSH engine aimed at the running lab: node targets from the lab's
 * own profile (with per-test SSH overrides), recorded events, host keys kept
 * in memory, secrets in a Map, and helpers that answer prompts the way a
 * person in the UI would.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventName, EventPayload, EventSink } from '../../../common/contract/events';
import type { ClusterExport, SshOverrides } from '../../../common/contract/schemas/profiles';
import type { SecretKind, SecretScope } from '../../../common/contract/schemas/ssh';
import type { CredentialSource } from '../../../main/core/secrets/credentialSource';
import { openKnownHostsFile } from '../../../main/core/ssh/hostKeyStore';
import { resolveNodeTarget, type NodeTarget } from '../../../main/core/ssh/nodeTarget';
import { createSshEngine, type EngineOptions, type SshEngine } from '../../../main/core/ssh/sshEngine';
import { readLabInfo, type LabInfo } from '../../lab/labInfo';
import { memoryHostKeys } from './memoryHostKeys';

export interface RecordedEvent {
  event: EventName;
  payload: unknown;
}

export interface LabEngine {
  lab: LabInfo;
  engine: SshEngine;
  events: RecordedEvent[];
  hostKeys: ReturnType<typeof memoryHostKeys>;
  secrets: Map<string, string>;
  homeDir: string;
  /** Node ids are '<name>' or '<name>#<variant>' for a node with extra SSH overrides. */
  defineNode(id: string, name: string, overrides?: SshOverrides): void;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): void;
  /** Drop every listener added with on() (call in afterEach). */
  resetListeners(): void;
  /** Pre-trust every lab host key (as if accepted earlier), so tests not about host keys are not prompted. */
  trustLabHostKeys(): void;
}

export function secretKey(kind: SecretKind, scope: SecretScope): string {
  return `${kind}|${'nodeId' in scope ? `node:${scope.nodeId}` : `cluster:${scope.clusterId}`}`;
}

export function createLabEngine(options: Partial<EngineOptions> = {}, homeDir = mkdtempSync(join(tmpdir(), 'cd-ssh-home-'))): LabEngine {
  const lab = readLabInfo();
  const profile = lab.profile as ClusterExport;
  const events: RecordedEvent[] = [];
  const listeners: Array<(event: EventName, payload: unknown) => void> = [];
  const sink: EventSink = {
    emit(event, payload) {
      events.push({ event, payload });
      for (const l of listeners) l(event, payload);
    },
  };
  const secrets = new Map<string, string>();
  const credentials: CredentialSource = {
    lookup(kind, where) {
      return (where.nodeId !== undefined ? secrets.get(secretKey(kind, { nodeId: where.nodeId })) : undefined) ?? secrets.get(secretKey(kind, { clusterId: where.clusterId }));
    },
    remember(kind, scope, value) {
      secrets.set(secretKey(kind, scope), value);
    },
  };
  const targets = new Map<string, NodeTarget>();
  const cluster = { id: 'lab', ssh: profile.cluster.ssh, sudoMode: profile.cluster.sudoMode };
  const defineNode = (id: string, name: string, overrides: SshOverrides = {}) => {
    const node = profile.nodes.find((n) => n.name === name);
    if (!node) throw new Error(`lab profile has no node ${name}`);
    targets.set(id, resolveNodeTarget(cluster, { id, name, host: node.host, port: node.port, ssh: { ...node.ssh, ...overrides } }));
  };
  for (const n of profile.nodes) defineNode(n.name, n.name);
  const hostKeys = memoryHostKeys();
  const engine = createSshEngine({
    events: sink,
    hostKeys,
    knownHostsFile: openKnownHostsFile(homeDir),
    credentials,
    homeDir,
    authSock: undefined,
    lookupNode: (id) => {
      const t = targets.get(id);
      if (!t) throw new Error(`test defined no node ${id}`);
      return t;
    },
    options,
  });
  return {
    lab,
    engine,
    events,
    hostKeys,
    secrets,
    homeDir,
    defineNode,
    on(event, listener) {
      listeners.push((e, p) => {
        if (e === event) listener(p as EventPayload<typeof event>);
      });
    },
    resetListeners() {
      listeners.splice(0);
    },
    trustLabHostKeys() {
      for (const n of readLabInfo().nodes) for (const k of n.hostKeys) hostKeys.save(n.host, n.port, k.type, k.publicKey);
    },
  };
}

/** Events of one kind, typed. */
export function eventsOf<E extends EventName>(events: RecordedEvent[], event: E): Array<EventPayload<E>> {
  return events.filter((e) => e.event === event).map((e) => e.payload as EventPayload<E>);
}
