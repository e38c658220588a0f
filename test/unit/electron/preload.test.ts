import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { METHODS } from '../../../common/contract/schemas';
import { BRIDGE_GLOBAL, IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '../../../common/rpc/preloadBridge';
import { BUILD_TIMEOUT_MS, BUILT, ensureBuilt } from './builtApp';

type Listener = (...args: unknown[]) => void;

/** A stand-in for what Electron gives a sandboxed preload: contextBridge and ipcRenderer. */
function fakeElectron() {
  const exposed: [string, Record<string, unknown>][] = [];
  const listeners = new Map<string, Set<Listener>>();
  const ipcRenderer = {
    invoke: vi.fn(async (..._args: unknown[]): Promise<unknown> => ({ ok: true, value: 'from main' })),
    on: vi.fn((channel: string, l: Listener) => void (listeners.get(channel) ?? listeners.set(channel, new Set()).get(channel))?.add(l)),
    removeListener: vi.fn((channel: string, l: Listener) => void listeners.get(channel)?.delete(l)),
  };
  return {
    exposed,
    listeners,
    ipcRenderer,
    module: { contextBridge: { exposeInMainWorld: (key: string, api: Record<string, unknown>) => void exposed.push([key, api]) }, ipcRenderer },
  };
}

const fake = vi.hoisted(() => ({ current: null as null | { module: { contextBridge: unknown; ipcRenderer: unknown } } }));
// Getters, so each test's fresh fake is what the re-imported preload sees.
vi.mock('electron', () => ({
  get contextBridge() {
    return fake.current?.module.contextBridge;
  },
  get ipcRenderer() {
    return fake.current?.module.ipcRenderer;
  },
}));

const expectedKeys = [...METHODS, 'subscribe'].sort();

describe('preload (TypeScript module)', () => {
  let electron: ReturnType<typeof fakeElectron>;
  beforeEach(async () => {
    electron = fakeElectron();
    fake.current = electron;
    vi.resetModules();
    await import('../../../preload/index');
  });

  const bridge = () => {
    expect(electron.exposed).toHaveLength(1);
    const [key, api] = electron.exposed[0] as [string, Record<string, (...a: unknown[]) => unknown>];
    expect(key).toBe(BRIDGE_GLOBAL);
    return api;
  };

  it('exposes exactly one function per contract call plus subscribe, and never ipcRenderer', () => {
    const api = bridge();
    expect(Object.keys(api).sort()).toEqual(expectedKeys);
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
    expect(Object.values(api)).not.toContain(electron.ipcRenderer);
  });

  it('sends a call as (method, input) on the call channel and returns the raw result', async () => {
    const api = bridge();
    await expect(api.getCluster?.({ clusterId: 'c1' })).resolves.toEqual({ ok: true, value: 'from main' });
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith(IPC_CALL_CHANNEL, 'getCluster', { clusterId: 'c1' });
    await api.listClusters?.();
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(IPC_CALL_CHANNEL, 'listClusters', {});
  });

  it('turns a failed IPC round trip into an internal CallResult instead of throwing', async () => {
    electron.ipcRenderer.invoke.mockRejectedValueOnce(new Error('An object could not be cloned.'));
    const result = await bridge().listClusters?.({});
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('delivers pushed events as (name, payload) until unsubscribed', () => {
    const api = bridge();
    const seen: unknown[] = [];
    const unsubscribe = api.subscribe?.((event: unknown, payload: unknown) => seen.push([event, payload])) as () => void;
    for (const l of electron.listeners.get(IPC_EVENT_CHANNEL) ?? []) l({ sender: 'ipc event' }, 'profiles.changed', { clusterId: null });
    unsubscribe();
    expect(electron.listeners.get(IPC_EVENT_CHANNEL)?.size).toBe(0);
    expect(seen).toEqual([['profiles.changed', { clusterId: null }]]);
  });
});

describe('preload (built bundle, as the sandbox runs it)', () => {
  beforeAll(() => ensureBuilt(), BUILD_TIMEOUT_MS);

  it('requires nothing but electron and exposes exactly the contract', () => {
    const electron = fakeElectron();
    const required: string[] = [];
    // A sandboxed preload gets a require() that knows only a few modules: anything else would throw in Electron.
    const sandboxRequire = (id: string) => {
      required.push(id);
      if (id === 'electron') return electron.module;
      throw new Error(`a sandboxed preload cannot require "${id}"`);
    };
    const module = { exports: {} };
    const wrapper = vm.runInNewContext(`(function (exports, require, module) {\n${readFileSync(BUILT.preload, 'utf8')}\n})`, {
      console,
      Promise,
    }) as (exports: unknown, require: unknown, module: unknown) => void;
    wrapper(module.exports, sandboxRequire, module);
    expect([...new Set(required)]).toEqual(['electron']);
    expect(electron.exposed.map(([key]) => key)).toEqual([BRIDGE_GLOBAL]);
    expect(Object.keys(electron.exposed[0]?.[1] ?? {}).sort()).toEqual(expectedKeys);
  });
});
