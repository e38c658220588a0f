import { pathToFileURL } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import type { CoreApi } from '../../../common/contract/api';
import { METHODS } from '../../../common/contract/schemas';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '../../../common/rpc/preloadBridge';
import { serve } from '../../../common/rpc/serve';
import type { CallResult } from '../../../common/rpc/transport';
import {
  createIpcServerTransport,
  type IpcCallEvent,
  type IpcFrame,
  type IpcMainLike,
  type IpcWindow,
} from '../../../main/electron/ipcTransport';
import { recordingLogger } from './fakeLogger';

const INDEX_URL = pathToFileURL('/opt/ClusterDeck/resources/app.asar/dist/renderer/index.html').href;

/** Behaves like Electron's ipcMain: one handler per channel, a second handle() throws. */
function fakeIpcMain() {
  const handlers = new Map<string, (event: IpcCallEvent, ...args: unknown[]) => unknown>();
  const ipcMain: IpcMainLike = {
    handle(channel, listener) {
      if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      handlers.set(channel, listener);
    },
    removeHandler(channel) {
      handlers.delete(channel);
    },
  };
  const invoke = async (event: IpcCallEvent, method: unknown, input: unknown) => {
    const handler = handlers.get(IPC_CALL_CHANNEL);
    if (!handler) throw new Error('no handler registered');
    return (await handler(event, method, input)) as CallResult;
  };
  return { ipcMain, handlers, invoke };
}

function fakeWindow(pageUrl = INDEX_URL) {
  const mainFrame: IpcFrame = { url: pageUrl, parent: null, processId: 7, routingId: 1 };
  const sent: unknown[][] = [];
  let destroyed = false;
  const webContents = {
    mainFrame,
    isDestroyed: () => destroyed,
    send: (...args: unknown[]) => void sent.push(args),
  };
  const win: IpcWindow = { isDestroyed: () => destroyed, webContents };
  return { win, webContents, mainFrame, sent, destroy: () => (destroyed = true) };
}

function fakeApi() {
  const api = Object.fromEntries(METHODS.map((m) => [m, vi.fn(async (input: unknown) => ({ method: m, input }))]));
  return api as unknown as CoreApi & Record<string, ReturnType<typeof vi.fn>>;
}

function setUp(pageUrl = INDEX_URL) {
  const ipc = fakeIpcMain();
  const w = fakeWindow(pageUrl);
  const logger = recordingLogger();
  let current: IpcWindow | null = w.win;
  const transport = createIpcServerTransport({ ipcMain: ipc.ipcMain, getWindow: () => current, indexUrl: INDEX_URL, logger });
  const api = fakeApi();
  const sink = serve(api, transport);
  return { ...ipc, ...w, logger, transport, api, sink, setWindow: (x: IpcWindow | null) => (current = x) };
}

const expectUnauthorized = (result: CallResult) => {
  expect(result.ok).toBe(false);
  if (!result.ok) expect(result.error.code).toBe('unauthorized');
};

describe('IPC transport: who may call', () => {
  it("serves a call from the app window's main frame showing the app page", async () => {
    const t = setUp();
    const result = await t.invoke({ sender: t.webContents, senderFrame: t.mainFrame }, 'getCluster', { clusterId: 'c1' });
    expect(result).toEqual({ ok: true, value: { method: 'getCluster', input: { clusterId: 'c1' } } });
    expect(t.api.getCluster).toHaveBeenCalledTimes(1);
  });

  it('accepts the main frame when Electron hands over a different wrapper object for it', async () => {
    const t = setUp();
    const sameFrameOtherObject: IpcFrame = { ...t.mainFrame };
    const result = await t.invoke({ sender: t.webContents, senderFrame: sameFrameOtherObject }, 'listClusters', {});
    expect(result.ok).toBe(true);
  });

  it('accepts the app page with a #route or ?query', async () => {
    const t = setUp(`${INDEX_URL}#/clusters/c1`);
    const frame = { ...t.mainFrame, url: `${INDEX_URL}?x=1#/clusters/c1` };
    expect((await t.invoke({ sender: t.webContents, senderFrame: frame }, 'listClusters', {})).ok).toBe(true);
  });

  it('refuses a sender that is not the main frame, and never reaches core', async () => {
    const t = setUp();
    const child: IpcFrame = { url: INDEX_URL, parent: t.mainFrame, processId: 7, routingId: 2 };
    expectUnauthorized(await t.invoke({ sender: t.webContents, senderFrame: child }, 'listClusters', {}));
    expect(t.api.listClusters).not.toHaveBeenCalled();
  });

  it('refuses a frame without a parent that is still not the window main frame (another routing id)', async () => {
    const t = setUp();
    const impostor: IpcFrame = { url: INDEX_URL, parent: null, processId: 7, routingId: 99 };
    expectUnauthorized(await t.invoke({ sender: t.webContents, senderFrame: impostor }, 'listClusters', {}));
  });

  it.each([
    ['a web page', 'https://evil.example/index.html'],
    ['another local file', pathToFileURL('/tmp/index.html').href],
    ['a data: URL', 'data:text/html,<script>1</script>'],
    ['about:blank', 'about:blank'],
  ])('refuses a main frame showing %s', async (_what, url) => {
    const t = setUp();
    const frame: IpcFrame = { ...t.mainFrame, url };
    expectUnauthorized(await t.invoke({ sender: t.webContents, senderFrame: frame }, 'listClusters', {}));
    expect(t.api.listClusters).not.toHaveBeenCalled();
  });

  it('refuses a different webContents, even one showing the app page', async () => {
    const t = setUp();
    const other = fakeWindow();
    expectUnauthorized(await t.invoke({ sender: other.webContents, senderFrame: other.mainFrame }, 'listClusters', {}));
  });

  it('refuses a call whose frame is already gone (senderFrame null)', async () => {
    const t = setUp();
    expectUnauthorized(await t.invoke({ sender: t.webContents, senderFrame: null }, 'listClusters', {}));
  });

  it('refuses every call while there is no window or it is destroyed', async () => {
    const t = setUp();
    t.destroy();
    expectUnauthorized(await t.invoke({ sender: t.webContents, senderFrame: t.mainFrame }, 'listClusters', {}));
    t.setWindow(null);
    expectUnauthorized(await t.invoke({ sender: t.webContents, senderFrame: t.mainFrame }, 'listClusters', {}));
  });

  it('logs each refusal with the method and the frame URL, and says why in the error', async () => {
    const t = setUp();
    const result = await t.invoke({ sender: t.webContents, senderFrame: { ...t.mainFrame, url: 'https://evil.example/' } }, 'deleteCluster', {
      clusterId: 'c1',
    });
    expect(result.ok ? '' : result.error.message).toMatch(/not ClusterDeck's own page/);
    expect(t.logger.entries).toContainEqual(
      expect.objectContaining({ level: 'warn', detail: expect.objectContaining({ method: 'deleteCluster', frameUrl: 'https://evil.example/' }) }),
    );
  });
});

describe('IPC transport: what is served', () => {
  it('rejects malformed input with invalid_input and field messages, through serve()', async () => {
    const t = setUp();
    const result = await t.invoke({ sender: t.webContents, senderFrame: t.mainFrame }, 'getCluster', { clusterId: 5 });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid_input');
      expect(result.error.fields).toHaveProperty('clusterId');
    }
    expect(t.api.getCluster).not.toHaveBeenCalled();
  });

  it('rejects an unknown method and extra fields as invalid_input', async () => {
    const t = setUp();
    const event = { sender: t.webContents, senderFrame: t.mainFrame };
    const unknown = await t.invoke(event, 'runShell', { command: 'rm -rf /' });
    expect(unknown.ok ? null : unknown.error.code).toBe('invalid_input');
    const extra = await t.invoke(event, 'listClusters', { sneaky: true });
    expect(extra.ok ? null : extra.error.code).toBe('invalid_input');
  });

  it('turns a handler crash into internal without leaking the error text', async () => {
    const ipc = fakeIpcMain();
    const w = fakeWindow();
    const logger = recordingLogger();
    const transport = createIpcServerTransport({ ipcMain: ipc.ipcMain, getWindow: () => w.win, indexUrl: INDEX_URL, logger });
    transport.handleCalls(async () => {
      throw new Error('secret detail /home/op/.ssh/id_ed25519');
    });
    const result = await ipc.invoke({ sender: w.webContents, senderFrame: w.mainFrame }, 'listClusters', {});
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('internal');
      expect(result.error.message).not.toMatch(/id_ed25519/);
    }
  });

  it('can take its handler again (a reloaded app re-serves) and close() removes it', () => {
    const t = setUp();
    expect(() => t.transport.handleCalls(async () => ({ ok: true, value: null }))).not.toThrow();
    t.transport.close();
    expect(t.handlers.has(IPC_CALL_CHANNEL)).toBe(false);
  });
});

describe('IPC transport: events', () => {
  it('pushes events to the app window on the event channel', () => {
    const t = setUp();
    t.sink.emit('profiles.changed', { clusterId: 'c1' });
    expect(t.sent).toEqual([[IPC_EVENT_CHANNEL, 'profiles.changed', { clusterId: 'c1' }]]);
  });

  it('sends nothing to a window that left the app page or is destroyed', () => {
    const t = setUp();
    (t.mainFrame as { url: string }).url = 'https://evil.example/';
    t.sink.emit('profiles.changed', { clusterId: null });
    t.destroy();
    t.sink.emit('profiles.changed', { clusterId: null });
    expect(t.sent).toEqual([]);
  });
});
