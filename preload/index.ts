/**
 * The only bridge between the sandboxed renderer and main: one function per
 * contract call plus subscribe(). ipcRenderer itself never crosses, so a page
 * script cannot reach any other channel. Contract: common/rpc/preloadBridge.ts.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { METHODS } from '../common/contract/schemas';
import { BRIDGE_GLOBAL, IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '../common/rpc/preloadBridge';
import type { CallResult } from '../common/rpc/transport';

// A failed round trip (main gone, input not cloneable) becomes a result, so callers only ever see CallResult.
const ipcFailure = (method: string): CallResult => ({
  ok: false,
  error: { code: 'internal', message: `ClusterDeck could not deliver the call "${method}" to its main process. Restart the app; details are in the app log.` },
});

const bridge: Record<string, unknown> = {};
for (const method of METHODS) {
  bridge[method] = (input?: unknown): Promise<CallResult> =>
    (ipcRenderer.invoke(IPC_CALL_CHANNEL, method, input ?? {}) as Promise<CallResult>).catch(() => ipcFailure(method));
}
bridge.subscribe = (listener: (event: string, payload: unknown) => void): (() => void) => {
  const forward = (_e: IpcRendererEvent, event: string, payload: unknown) => listener(event, payload);
  ipcRenderer.on(IPC_EVENT_CHANNEL, forward);
  return () => void ipcRenderer.removeListener(IPC_EVENT_CHANNEL, forward);
};

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, bridge);
