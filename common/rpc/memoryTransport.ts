/** A transport pair in one process, for tests of core and of the client. */
import type { CallResult, ClientTransport, ServerTransport } from './transport';

export function createMemoryTransport(): { server: ServerTransport; client: ClientTransport } {
  let handler: ((method: unknown, input: unknown) => Promise<CallResult>) | undefined;
  const listeners = new Set<(event: string, payload: unknown) => void>();
  // JSON round trip: what crosses a real wire is data, never shared references.
  const wire = <T>(value: T): T => (value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T));

  return {
    server: {
      handleCalls(h) {
        handler = h;
      },
      broadcast(event, payload) {
        for (const l of listeners) l(event, wire(payload));
      },
    },
    client: {
      async call(method, input) {
        if (!handler) throw new Error('memory transport: no server attached');
        return wire(await handler(method, wire(input)));
      },
      onEvent(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    },
  };
}
