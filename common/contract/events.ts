/**
 * Pushed streams from main to the renderer. Long work (logs, backups,
 * terminals, status sweeps) reports here instead of blocking a call.
 */
import { z } from 'zod';

export const NodeConnectionState = z.enum(['idle', 'connecting', 'ready', 'reconnecting', 'failed']);

export const eventSchemas = {
  /** The store changed: the renderer re-reads the clusters. */
  'profiles.changed': z.object({ clusterId: z.string().nullable() }),
  /** Connection state of one node, as the SSH engine sees it. */
  'node.connection': z.object({
    nodeId: z.string(),
    state: NodeConnectionState,
    reason: z.string().optional(),
  }),
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
