/**
 * The desktop app's lifecycle: a single instance, core started with
 * Electron's ports, the contract served over IPC to one hardened window, and
 * core closed (SSH sessions, the store) before the process exits.
 * Everything that can be tested without an Electron binary lives in the
 * modules this file wires together.
 */
import os from 'node:os';
import { app, BrowserWindow, dialog, ipcMain, powerMonitor, safeStorage, session, shell } from 'electron';
import { serve } from '../../common/rpc/serve';
import { createCore, type Core } from '../core/createCore';
import type { CorePorts } from '../core/ports';
import { createFileLogger } from '../core/log/fileLogger';
import { locateAppFiles, windowIconPath } from './appPage';
import { guardSession, guardWebContents } from './guards';
import { createIpcServerTransport, type IpcServerTransport } from './ipcTransport';
import { handleDownloads } from './downloads';
import { desktopPaths } from './paths';
import { createSafeStorageCipher } from './safeStorageCipher';
import { createMainWindow } from './window';

// Long enough for SSH sessions to say goodbye, short enough that quitting never hangs.
const CLOSE_TIMEOUT_MS = 5000;

function operatorName(): string {
  try {
    return os.userInfo().username;
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? 'unknown';
  }
}

export function startDesktopApp(): void {
  // Sandbox every renderer, including any a future feature creates.
  app.enableSandbox();
  if (!app.requestSingleInstanceLock()) {
    // Two instances would share one SQLite file and one set of SSH sessions.
    app.quit();
    return;
  }

  // Makes 'logs' the OS's usual place (~/Library/Logs/ClusterDeck on macOS, userData/logs elsewhere).
  app.setAppLogsPath();
  const paths = desktopPaths(app);
  const now = () => new Date();
  const logger = createFileLogger(paths.logsDir, { echo: !app.isPackaged, now });
  const files = locateAppFiles(__dirname);
  let mainWindow: BrowserWindow | null = null;
  let core: Core | null = null;
  let transport: IpcServerTransport | null = null;
  let closing: Promise<void> | null = null;

  app.on('web-contents-created', (_event, contents) => {
    guardWebContents(contents, { indexUrl: files.indexUrl, openExternal: (url) => shell.openExternal(url), logger });
  });

  const openWindow = () => {
    mainWindow = createMainWindow({
      BrowserWindow,
      files,
      allowDevTools: !app.isPackaged,
      icon: process.platform === 'linux' ? windowIconPath(__dirname, process.resourcesPath, app.isPackaged) : undefined,
      logger,
    });
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
  };

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app
    .whenReady()
    .then(() => {
      guardSession(session.defaultSession, logger);
      handleDownloads(session.defaultSession, { indexUrl: files.indexUrl, downloadsDir: app.getPath('downloads'), logger });
      const ports: CorePorts = {
        form: 'desktop',
        version: app.getVersion(),
        paths,
        secrets: createSafeStorageCipher(safeStorage, process.platform, logger),
        now,
        logger,
        actor: operatorName(),
        revealPath: (file) => {
          shell.showItemInFolder(file);
          return Promise.resolve();
        },
      };
      core = createCore(ports);
      // The handler is in place before the page loads, so its first call is never lost.
      transport = createIpcServerTransport({ ipcMain, getWindow: () => mainWindow, indexUrl: files.indexUrl, logger });
      const sink = serve(core.api, transport, {
        onInternalError: (method, err) => logger.error('A call failed unexpectedly.', { method, error: err instanceof Error ? err.stack : String(err) }),
      });
      core.events.attach(sink);
      // After sleep, sockets are dead but look alive; reconnect now rather than after keepalive and backoff.
      powerMonitor.on('resume', () => core?.resume());
      logger.info('ClusterDeck started.', { version: ports.version, dataDir: paths.dataDir });
      openWindow();
    })
    .catch((err: unknown) => {
      logger.error('ClusterDeck could not start.', { error: err instanceof Error ? err.stack : String(err) });
      dialog.showErrorBox('ClusterDeck could not start', `${err instanceof Error ? err.message : String(err)}\n\nThe details are in ${paths.logsDir}.`);
      app.exit(1);
    });

  // macOS: clicking the dock icon of a windowless app opens the window again.
  app.on('activate', () => {
    if (!mainWindow && core) openWindow();
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('will-quit', (event) => {
    if (!core) return;
    event.preventDefault();
    const running = core;
    closing ??= Promise.race([
      running.close(),
      new Promise<void>((resolve) => setTimeout(resolve, CLOSE_TIMEOUT_MS)),
    ])
      .catch((err: unknown) => logger.error('Closing core failed.', { error: String(err) }))
      .finally(() => {
        transport?.close();
        core = null;
        app.quit();
      });
  });
}
