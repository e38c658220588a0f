/**
 * What a transport carries, whatever the wire (Electron IPC, WebSocket, or
 * memory in tests). Messages are plain JSON-able objects.
 */
import type { ApiErrorShape } from '../contract/errors';

export type CallResult = { ok: true; value: unknown } | { ok: false; error: ApiErrorShape };

/** The server end: receives raw calls, pushes raw events. */
export interface ServerTransport {
  /** Register the single handler; raw input is validated by serve(), not here. */
  handleCalls(handler: (method: unknown, input: unknown) => Promise<CallResult>): void;
  /** Push an event to every connected client. */
  broadcast(event: string, payload: unknown): void;
}

/** The client end. call() resolves with the raw result; it never throws for API errors. */
export interface ClientTransport {
  call(method: string, input: unknown): Promise<CallResult>;
  onEvent(listener: (event: string, payload: unknown) => void): () => void;
}

/** Wire messages shared by the WebSocket transport (IPC uses invoke/send instead). */
export type WireMessage =
  | { t: 'call'; id: number; method: string; input: unknown }
  | { t: 'result'; id: number; result: CallResult }
  | { t: 'event'; event: string; payload: unknown };
