/**
 * The desktop transport: the preload script exposes `window.clusterdeck`
 * (contract in common/rpc/preloadBridge.ts), one function per METHODS entry
 * resolving with a CallResult, plus subscribe(). The renderer never sees
 * ipcRenderer itself.
 */
import { toApiError } from '../../common/contract/errors';
import { BRIDGE_GLOBAL, type PreloadBridge } from '../../common/rpc/preloadBridge';
import type { CallResult, ClientTransport } from '../../common/rpc/transport';

export function findPreloadBridge(): PreloadBridge | null {
  const bridge = (window as unknown as Record<string, unknown>)[BRIDGE_GLOBAL] as Partial<PreloadBridge> | undefined;
  return bridge && typeof bridge.subscribe === 'function' ? (bridge as PreloadBridge) : null;
}

export function createPreloadTransport(bridge: PreloadBridge): ClientTransport {
  const calls = bridge as unknown as Record<string, ((input: unknown) => Promise<CallResult>) | undefined>;
  return {
    async call(method, input) {
      const fn = calls[method];
      if (typeof fn !== 'function') {
        return { ok: false, error: { code: 'internal', message: `This build of ClusterDeck has no call "${method}". Restart the app.` } };
      }
      try {
        return await fn(input);
      } catch (err) {
        // The bridge promises never to throw; if it does, the user still gets a sentence.
        return { ok: false, error: toApiError(err).toJSON() };
      }
    },
    onEvent(listener) {
      return bridge.subscribe(listener);
    },
  };
}
