/**
 * The one interface of calls. Core implements CoreApi (inputs already parsed
 * and defaulted by the schema); the renderer holds an ApiClient (inputs as the
 * user gives them). Both are derived from schemas.ts so they cannot drift.
 */
import type { EventListener, EventName } from './events';
import type { MethodInput, MethodName, MethodOutput, MethodParsedInput } from './schemas';

export type CoreApi = {
  [M in MethodName]: (input: MethodParsedInput<M>) => Promise<MethodOutput<M>>;
};

export type ApiCalls = {
  [M in MethodName]: (input: MethodInput<M>) => Promise<MethodOutput<M>>;
};

export interface ApiClient extends ApiCalls {
  /** Listen to one pushed event stream; returns the unsubscribe. */
  on<E extends EventName>(event: E, listener: EventListener<E>): () => void;
}
