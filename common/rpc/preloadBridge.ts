/**
 * The Electron IPC wire: the two channel names and the shape the preload
 * exposes as `window.clusterdeck`. Shared here so main/electron, preload and
 * the renderer cannot disagree on a string.
 *
 * Contract of `window.clusterdeck`:
 * - one async function per METHODS entry, `(input?) => Promise<CallResult>`;
 *   it resolves with the raw result and never throws, even for API errors or
 *   a failed IPC round trip (that arrives as {ok:false, error:{code:'internal'}}).
 *   The renderer wraps it as a ClientTransport and hands it to connect().
 * - `subscribe(listener)` receives every pushed event as (name, payload) and
 *   returns its unsubscribe.
 */
import type { MethodInput, MethodName } from '../contract/schemas';
import type { CallResult } from './transport';

export const IPC_CALL_CHANNEL = 'clusterdeck:call';
export const IPC_EVENT_CHANNEL = 'clusterdeck:event';
/** The property of `window` the preload fills in. */
export const BRIDGE_GLOBAL = 'clusterdeck';

export type PreloadBridge = {
  [M in MethodName]: (input?: MethodInput<M>) => Promise<CallResult>;
} & {
  subscribe(listener: (event: string, payload: unknown) => void): () => void;
};
