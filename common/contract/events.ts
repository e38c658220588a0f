/**
 * Pushed streams from main to the renderer. Long work (logs, backups,
 * terminals, status sweeps) reports here instead of blocking a call.
 */
import { z } from 'zod';
import { backupEvents } from './schemas/backups';
import { logEvents } from './schemas/logs';
import { HostKeyChange } from './schemas/ssh';
import { serviceEvents } from './schemas/services';
import { terminalEvents } from './schemas/terminal';

export const NodeConnectionState = z.enum(['idle', 'connecting', 'ready', 'reconnecting', 'failed']);

export const eventSchemas = {
  /** The store changed: the renderer re-reads the clusters. */
  'profiles.changed': z.object({ clusterId: z.string().nullable() }),
  /** Connection state of one node, as the SSH engine sees it. */
  'node.connection': z.object({
    nodeId: z.string(),
    state: NodeConnectionState,
    reason: z.string().optional(),
    /** While reconnecting: which automatic attempt comes next and in how long. */
    attempt: z.number().int().optional(),
    retryInMs: z.number().int().optional(),
    /** Set when the failure is a changed host key: both fingerprints, for the Replace key view. */
    hostKeyChange: HostKeyChange.optional(),
  }),
  /** A host key needs a person's decision; answer with answerHostKeyPrompt. The handshake waits. */
  'hostkey.prompt': z.object({
    promptId: z.string(),
    nodeId: z.string(),
    nodeName: z.string(),
    /** 'jump' when the key belongs to a bastion on the way to the node. */
    hop: z.enum(['node', 'jump']),
    host: z.string(),
    port: z.number().int(),
    keyType: z.string(),
    fingerprint: z.string(),
    /** ~/.ssh/known_hosts has a @cert-authority line for this host, which ClusterDeck cannot check. */
    coveredByCertAuthority: z.boolean(),
  }),
  /** A login question (password, key passphrase, OTP); answer with answerAuthPrompt. */
  'auth.prompt': z.object({
    promptId: z.string(),
    nodeId: z.string(),
    nodeName: z.string(),
    host: z.string(),
    port: z.number().int(),
    user: z.string(),
    kind: z.enum(['password', 'passphrase', 'keyboard-interactive']),
    title: z.string(),
    instructions: z.string(),
    prompts: z.array(z.object({ prompt: z.string(), echo: z.boolean() })),
    /** Whether "remember" is offered (a password or passphrase, never an OTP round). */
    canRemember: z.boolean(),
  }),
  /** A host-key or login prompt was answered, timed out or cancelled: close its dialog. */
  'prompt.closed': z.object({ promptId: z.string(), reason: z.enum(['answered', 'timeout', 'cancelled']) }),
  ...terminalEvents,
  ...serviceEvents,
  ...logEvents,
  ...backupEvents,
} as const;

export type EventName = keyof typeof eventSchemas;
export type EventPayload<E extends EventName> = z.output<(typeof eventSchemas)[E]>;
export type EventListener<E extends EventName> = (payload: EventPayload<E>) => void;
export const EVENTS = Object.keys(eventSchemas).sort() as EventName[];

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(eventSchemas, value);
}

/** What core emits into; each transport forwards it to its clients. */
export interface EventSink {
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
}
