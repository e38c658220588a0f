/**
 * A real core behind serve() and the memory transport, reached through the
 * typed client: the same validation path as IPC and WebSocket.
 */
import type { ApiClient } from '../../../common/contract/api';
import type { EventName, EventPayload } from '../../../common/contract/events';
import { connect } from '../../../common/rpc/connect';
import { createMemoryTransport } from '../../../common/rpc/memoryTransport';
import { serve } from '../../../common/rpc/serve';
import { createCore, type Core } from '../../../main/core/createCore';
import type { CorePorts } from '../../../main/core/ports';
import { testPorts } from './testPorts';

export interface ConnectedCore {
  core: Core;
  client: ApiClient;
  ports: ReturnType<typeof testPorts>;
  events: { event: EventName; payload: EventPayload<EventName> }[];
}

export function connectedCore(ports: ReturnType<typeof testPorts> = testPorts()): ConnectedCore {
  const core = createCore(ports as CorePorts);
  const transport = createMemoryTransport();
  core.events.attach(serve(core.api, transport.server));
  const client = connect(transport.client);
  const events: ConnectedCore['events'] = [];
  transport.client.onEvent((event, payload) => events.push({ event: event as EventName, payload: payload as EventPayload<EventName> }));
  return { core, client, ports, events };
}

/** The ApiError a call rejected with, or a failure if it resolved. */
export async function rejectionOf(call: Promise<unknown>): Promise<{ code: string; message: string; fields?: Record<string, string> }> {
  try {
    await call;
  } catch (err) {
    return err as { code: string; message: string; fields?: Record<string, string> };
  }
  throw new Error('expected the call to be rejected, but it resolved');
}
