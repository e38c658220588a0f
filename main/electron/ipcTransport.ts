/**
 * The server end of the contract over Electron IPC: one ipcMain.handle
 * channel for calls, webContents.send for events. A call is served only when
 * it comes from the app window's main frame showing the app's own page; any
 * other sender gets 'unauthorized' and a line in the log. Inputs are not
 * checked here: serve() validates every call against its schema.
 * Electron is injected (types only), so a fake ipcMain can drive this in tests.
 */
import { ApiError } from '../../common/contract/errors';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '../../common/rpc/preloadBridge';
import type { CallResult, ServerTransport } from '../../common/rpc/transport';
import type { Logger } from '../core/ports';
import { isAppPageUrl } from './appPage';

/** The parts of Electron's WebFrameMain the sender check reads. */
export interface IpcFrame {
  readonly url: string;
  readonly parent: IpcFrame | null;
  readonly processId: number;
  readonly routingId: number;
}

/** The parts of a BrowserWindow the transport uses. */
export interface IpcWindow {
  isDestroyed(): boolean;
  readonly webContents: {
    readonly mainFrame: IpcFrame;
    isDestroyed(): boolean;
    send(channel: string, ...args: unknown[]): void;
  };
}

export interface IpcCallEvent {
  readonly sender: unknown;
  readonly senderFrame: IpcFrame | null;
}

/** The parts of Electron's ipcMain the transport uses. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcCallEvent, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

export interface IpcTransportDeps {
  ipcMain: IpcMainLike;
  /** The current app window, or null while there is none (macOS keeps running windowless). */
  getWindow: () => IpcWindow | null;
  /** The file:// URL of the app's index.html. */
  indexUrl: string;
  logger: Logger;
}

export interface IpcServerTransport extends ServerTransport {
  close(): void;
}

const sameFrame = (a: IpcFrame, b: IpcFrame) =>
  a === b || (a.processId === b.processId && a.routingId === b.routingId);

/** Why a call must be refused, in words for the log and the error; null when it may be served. */
export function refusalOf(event: IpcCallEvent, win: IpcWindow | null, indexUrl: string): string | null {
  if (!win || win.isDestroyed() || win.webContents.isDestroyed()) return 'the app window is closed';
  if (event.sender !== win.webContents) return 'it came from a web page that is not the app window';
  const frame = event.senderFrame;
  if (!frame) return 'the calling frame navigated away or closed before the call was handled';
  if (frame.parent !== null || !sameFrame(frame, win.webContents.mainFrame)) {
    return 'it came from a frame inside the page, not from the page itself';
  }
  if (!isAppPageUrl(frame.url, indexUrl)) return "the calling page is not ClusterDeck's own page";
  return null;
}

export function createIpcServerTransport(deps: IpcTransportDeps): IpcServerTransport {
  const { ipcMain, getWindow, indexUrl, logger } = deps;

  return {
    handleCalls(handler) {
      ipcMain.removeHandler(IPC_CALL_CHANNEL);
      ipcMain.handle(IPC_CALL_CHANNEL, async (event, method, input): Promise<CallResult> => {
        const refusal = refusalOf(event, getWindow(), indexUrl);
        if (refusal) {
          logger.warn('Refused an IPC call.', {
            method: String(method).slice(0, 60),
            reason: refusal,
            frameUrl: event.senderFrame?.url.slice(0, 200) ?? null,
          });
          const message = `ClusterDeck refused a call because ${refusal}. Only the app's own window may call it; reload the window if this persists.`;
          return { ok: false, error: new ApiError('unauthorized', message).toJSON() };
        }
        try {
          return await handler(method, input);
        } catch (err) {
          logger.error('An IPC call failed outside the API.', { method: String(method).slice(0, 60), error: String(err) });
          return { ok: false, error: new ApiError('internal', 'Something went wrong inside ClusterDeck. The details are in the app log.').toJSON() };
        }
      });
    },
    broadcast(event, payload) {
      const win = getWindow();
      if (!win || win.isDestroyed() || win.webContents.isDestroyed()) return;
      // Events carry cluster data: never push them to a page that is not ours.
      if (!isAppPageUrl(win.webContents.mainFrame.url, indexUrl)) return;
      win.webContents.send(IPC_EVENT_CHANNEL, event, payload);
    },
    close() {
      ipcMain.removeHandler(IPC_CALL_CHANNEL);
    },
  };
}
