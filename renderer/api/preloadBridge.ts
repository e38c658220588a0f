/**
 * The desktop transport: the preload script exposes `window.clusterdeck`, one
 * async function per METHODS entry plus subscribe(). The renderer never sees
 * ipcRenderer itself.
 */
import { isApiErrorShape, toApiError } from '../../common/contract/errors';
import type { CallResult, ClientTransport } from '../../common/rpc/transport';

export interface PreloadBridge {
  subscribe(listener: (event: string, payload: unknown) => void): () => void;
  [method: string]: unknown;
}

declare global {
  interface Window {
    clusterdeck?: PreloadBridge;
  }
}

export function findPreloadBridge(): PreloadBridge | null {
  const bridge = window.clusterdeck;
  return bridge && typeof bridge.subscribe === 'function' ? bridge : null;
}

function isCallResult(value: unknown): value is CallResult {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (v.ok === true && 'value' in v) || (v.ok === false && isApiErrorShape(v.error));
}

export function createPreloadTransport(bridge: PreloadBridge): ClientTransport {
  return {
    async call(method, input) {
      const fn = bridge[method];
      if (typeof fn !== 'function') {
        return { ok: false, error: { code: 'internal', message: `This build of ClusterDeck has no call "${method}". Restart the app.` } };
      }
      try {
        const value: unknown = await (fn as (input: unknown) => Promise<unknown>)(input);
        // The IPC handler answers with a CallResult, like the WebSocket does.
        return isCallResult(value) ? value : { ok: true, value };
      } catch (err) {
        return { ok: false, error: toApiError(err).toJSON() };
      }
    },
    onEvent(listener) {
      return bridge.subscribe(listener);
    },
  };
}
