/**
 * Binds a CoreApi to a server transport. The one place where every call's
 * input is checked against its schema, so IPC and WebSocket refuse the same
 * malformed input with the same field-level message.
 */
import type { CoreApi } from '../contract/api';
import { ApiError, toApiError } from '../contract/errors';
import type { EventName, EventPayload, EventSink } from '../contract/events';
import { isMethodName, schemas } from '../contract/schemas';
import type { CallResult, ServerTransport } from './transport';
import { fieldMessages } from './validation';

export interface ServeOptions {
  /** Called with unexpected (non-ApiError) failures, for the app log. */
  onInternalError?: (method: string, err: unknown) => void;
}

export async function dispatchCall(
  api: CoreApi,
  method: unknown,
  rawInput: unknown,
  options: ServeOptions = {},
): Promise<CallResult> {
  if (!isMethodName(method)) {
    return { ok: false, error: new ApiError('invalid_input', `Unknown call "${String(method).slice(0, 60)}".`).toJSON() };
  }
  const parsed = schemas[method].input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    const fields = fieldMessages(parsed.error);
    const first = Object.entries(fields)[0];
    const message = first ? `${first[0] || 'input'}: ${first[1]}` : 'The request was malformed.';
    return { ok: false, error: new ApiError('invalid_input', message, fields).toJSON() };
  }
  try {
    const handler = api[method] as (input: unknown) => Promise<unknown>;
    const value = await handler(parsed.data);
    return { ok: true, value };
  } catch (err) {
    if (!(err instanceof ApiError)) options.onInternalError?.(method, err);
    return { ok: false, error: toApiError(err).toJSON() };
  }
}

export function serve(api: CoreApi, transport: ServerTransport, options: ServeOptions = {}): EventSink {
  transport.handleCalls((method, input) => dispatchCall(api, method, input, options));
  return {
    emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
      transport.broadcast(event, payload);
    },
  };
}
