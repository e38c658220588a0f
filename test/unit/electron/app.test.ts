import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CoreApi } from '../../../common/contract/api';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '../../../common/rpc/preloadBridge';
import type { CallResult } from '../../../common/rpc/transport';
import type { CorePorts } from '../../../main/core/ports';
import { createEventHub } from '../../../main/core/eventHub';

/** Just enough of Electron for the lifecycle in main/electron/app.ts to run in Node. */
const h = vi.hoisted(() => {
  type Listener = (...args: unknown[]) => unknown;
  class Emitter {
    listeners = new Map<string, Listener[]>();
    on(event: string, l: Listener) {
      this.listeners.set(event, [...(this.listeners.get(event) ?? []), l]);
      return this;
    }
    once(event: string, l: Listener) {
      return this.on(event, l);
    }
    emit(event: string, ...args: unknown[]) {
      for (const l of this.listeners.get(event) ?? []) l(...args);
    }
  }
  let resolveReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (resolveReady = resolve));
  const state = { dataRoot: '', windows: [] as FakeWindow[], handlers: new Map<string, Listener>() };
  const app = Object.assign(new Emitter(), {
    isPackaged: true,
    enableSandbox: vi.fn(),
    requestSingleInstanceLock: vi.fn(() => true),
    setAppLogsPath: vi.fn(),
    getPath: (name: string) => `${state.dataRoot}/${name}`,
    getVersion: () => '0.1.0',
    whenReady: () => ready,
    quit: vi.fn(),
    exit: vi.fn(),
  });
  class FakeWindow extends Emitter {
    options: unknown;
    loaded: string[] = [];
    webContents = Object.assign(new Emitter(), {
      mainFrame: { url: 'about:blank', parent: null, processId: 1, routingId: 1 },
      sent: [] as unknown[][],
      send(...args: unknown[]) {
        this.sent.push(args);
      },
      isDestroyed: () => false,
      setWindowOpenHandler: vi.fn(),
    });
    constructor(options: unknown) {
      super();
      this.options = options;
      state.windows.push(this);
      app.emit('web-contents-created', {}, this.webContents);
    }
    loadFile(file: string) {
      this.loaded.push(file);
      // What Chromium then reports as the page's URL.
      this.webContents.mainFrame.url = `file://${file}`;
      return Promise.resolve();
    }
    isDestroyed = () => false;
    isMinimized = () => false;
    restore() {}
    focus() {}
    show() {}
  }
  const permissionHandler = { current: null as null | Listener };
  const session = {
    defaultSession: {
      setPermissionRequestHandler: (l: Listener) => (permissionHandler.current = l),
      setPermissionCheckHandler: vi.fn(),
      setDevicePermissionHandler: vi.fn(),
      webRequest: { onHeadersReceived: vi.fn() },
      // main/electron/downloads.ts routes 'will-download' (tested in test/unit/backups/exportDownloads.test.ts).
      on: vi.fn(),
    },
  };
  const ipcMain = {
    handle: (channel: string, l: Listener) => void state.handlers.set(channel, l),
    removeHandler: (channel: string) => void state.handlers.delete(channel),
  };
  const safeStorage = {
    isEncryptionAvailable: () => true,
    getSelectedStorageBackend: () => 'gnome_libsecret',
    encryptString: (s: string) => Buffer.from(s),
    decryptString: (b: Buffer) => b.toString(),
  };
  const powerMonitor = new Emitter();
  return { app, FakeWindow, session, ipcMain, safeStorage, powerMonitor, state, permissionHandler, resolveReady };
});

vi.mock('electron', () => ({
  app: h.app,
  BrowserWindow: h.FakeWindow,
  ipcMain: h.ipcMain,
  session: h.session,
  safeStorage: h.safeStorage,
  powerMonitor: h.powerMonitor,
  shell: { openExternal: vi.fn(async () => undefined) },
  dialog: { showErrorBox: vi.fn() },
}));

const core = vi.hoisted(() => ({ ports: null as CorePorts | null, close: vi.fn(async () => undefined), resume: vi.fn() }));
vi.mock('../../../main/core/createCore', () => ({
  createCore: (ports: CorePorts) => {
    core.ports = ports;
    const api = new Proxy({}, { get: (_t, method) => async () => ({ called: String(method) }) }) as CoreApi;
    return { api, events: hub, storeState: { status: 'ok', path: '', schemaVersion: 1 }, resume: core.resume, close: core.close };
  },
}));
const hub = createEventHub();

describe('the desktop app lifecycle', () => {
  beforeAll(async () => {
    h.state.dataRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'clusterdeck-app-test-'));
    // Electron sets this for packaged apps; plain Node does not.
    (process as { resourcesPath?: string }).resourcesPath = '/opt/ClusterDeck/resources';
    const { startDesktopApp } = await import('../../../main/electron/app');
    startDesktopApp();
    h.resolveReady();
    await new Promise((resolve) => setTimeout(resolve, 20));
  });
  afterAll(() => fs.rmSync(h.state.dataRoot, { recursive: true, force: true }));

  const win = () => h.state.windows[0] as InstanceType<typeof h.FakeWindow>;

  it('sandboxes every renderer and holds the single-instance lock before anything else', () => {
    expect(h.app.enableSandbox).toHaveBeenCalled();
    expect(h.app.requestSingleInstanceLock).toHaveBeenCalled();
  });

  it("starts core with the desktop ports: userData for data, the OS logs folder, the OS user's name", () => {
    expect(core.ports).toMatchObject({
      form: 'desktop',
      version: '0.1.0',
      paths: { dataDir: `${h.state.dataRoot}/userData`, logsDir: `${h.state.dataRoot}/logs`, backupsDir: path.join(`${h.state.dataRoot}/userData`, 'backups') },
    });
    expect(core.ports?.secrets.isAvailable()).toBe(true);
    expect(core.ports?.actor).toBeTruthy();
    expect(fs.existsSync(path.join(h.state.dataRoot, 'logs', 'clusterdeck.log'))).toBe(true);
  });

  it('opens one hardened window on the built page, with the Linux icon', () => {
    expect(h.state.windows).toHaveLength(1);
    const options = win().options as { webPreferences: Record<string, unknown>; icon?: string };
    expect(options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, devTools: false });
    expect(win().loaded).toHaveLength(1);
    expect(win().loaded[0]).toMatch(/renderer[/\\]index\.html$/);
    if (process.platform === 'linux') expect(options.icon).toBe(path.join('/opt/ClusterDeck/resources', 'icon.png'));
  });

  it('denies permissions on the default session', () => {
    const callback = vi.fn();
    h.permissionHandler.current?.({}, 'media', callback, {});
    expect(callback).toHaveBeenCalledWith(false);
  });

  it('guards the window it created against navigation', () => {
    const navigation = { url: 'https://evil.example/', preventDefault: vi.fn() };
    for (const l of win().webContents.listeners.get('will-navigate') ?? []) l(navigation);
    expect(navigation.preventDefault).toHaveBeenCalled();
  });

  it('serves calls from its own page over IPC and refuses others', async () => {
    const handler = h.state.handlers.get(IPC_CALL_CHANNEL);
    expect(handler).toBeDefined();
    const own = { sender: win().webContents, senderFrame: win().webContents.mainFrame };
    expect(win().webContents.mainFrame.url).toBe(pathToFileURL(win().loaded[0] as string).href);
    await expect(handler?.(own, 'listClusters', {}) as Promise<CallResult>).resolves.toEqual({ ok: true, value: { called: 'listClusters' } });
    const foreign = { sender: {}, senderFrame: { ...win().webContents.mainFrame } };
    await expect(handler?.(foreign, 'listClusters', {}) as Promise<CallResult>).resolves.toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });

  it("forwards core's events to the window", () => {
    hub.emit('profiles.changed', { clusterId: 'c1' });
    expect(win().webContents.sent).toContainEqual([IPC_EVENT_CHANNEL, 'profiles.changed', { clusterId: 'c1' }]);
  });

  it('tells core when the laptop wakes up, so dropped nodes reconnect at once', () => {
    expect(core.resume).not.toHaveBeenCalled();
    h.powerMonitor.emit('resume');
    expect(core.resume).toHaveBeenCalledTimes(1);
  });

  it('quits when the last window closes (not on macOS) and closes core before exiting', async () => {
    h.app.emit('window-all-closed');
    expect(h.app.quit).toHaveBeenCalledTimes(process.platform === 'darwin' ? 0 : 1);
    const quitEvent = { preventDefault: vi.fn() };
    h.app.emit('will-quit', quitEvent);
    expect(quitEvent.preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(core.close).toHaveBeenCalled());
    await vi.waitFor(() => expect(h.state.handlers.has(IPC_CALL_CHANNEL)).toBe(false));
    const second = { preventDefault: vi.fn() };
    h.app.emit('will-quit', second);
    expect(second.preventDefault).not.toHaveBeenCalled();
  });
});
