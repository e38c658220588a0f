/**
 * The typed client the renderer uses, built from METHODS over any transport.
 * API errors come back as thrown ApiError with code and message intact.
 */
import type { ApiClient } from '../contract/api';
import { toApiError } from '../contract/errors';
import type { EventListener, EventName } from '../contract/events';
import { METHODS } from '../contract/schemas';
import type { ClientTransport } from './transport';

export function connect(transport: ClientTransport): ApiClient {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  transport.onEvent((event, payload) => {
    for (const listener of listeners.get(event) ?? []) listener(payload);
  });

  const client: Record<string, unknown> = {
    on<E extends EventName>(event: E, listener: EventListener<E>): () => void {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      const l = listener as (payload: unknown) => void;
      set.add(l);
      return () => set.delete(l);
    },
  };
  for (const method of METHODS) {
    client[method] = async (input: unknown) => {
      const result = await transport.call(method, input ?? {});
      if (result.ok) return result.value;
      throw toApiError(result.error);
    };
  }
  return client as unknown as ApiClient;
}
