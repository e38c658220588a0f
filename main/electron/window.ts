/**
 * The main window and its webPreferences, hardened per Electron's security
 * checklist (https://www.electronjs.org/docs/latest/tutorial/security).
 * The preferences are a plain function so a unit test can read them without
 * an Electron binary; the BrowserWindow class is injected for the same reason.
 */
import type { BrowserWindow, BrowserWindowConstructorOptions, WebPreferences } from 'electron';
import type { Logger } from '../core/ports';
import type { AppFiles } from './appPage';

/**
 * The renderer is a web page with no Node, no Electron, no <webview>: it only
 * reaches main through the preload's one-function-per-call bridge. Do not
 * loosen any of these to make a feature work; add a call to the contract.
 */
export function hardenedWebPreferences(preloadPath: string, allowDevTools: boolean): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    // Dropping a file on the window would otherwise navigate away from the app.
    navigateOnDragDrop: false,
    // The app spell-checks nothing; off also keeps Chromium from fetching dictionaries.
    spellcheck: false,
    safeDialogs: true,
    // A packaged build has no DevTools: nothing an operator needs lives there.
    devTools: allowDevTools,
  };
}

export interface MainWindowDeps {
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => BrowserWindow;
  files: AppFiles;
  allowDevTools: boolean;
  /** Linux window icon; absent where the OS takes it from the executable. */
  icon?: string;
  logger: Logger;
}

export function mainWindowOptions(deps: Pick<MainWindowDeps, 'files' | 'allowDevTools' | 'icon'>): BrowserWindowConstructorOptions {
  return {
    title: 'ClusterDeck',
    width: 1280,
    height: 800,
    minWidth: 900,
    minHeight: 600,
    // Shown on ready-to-show, so the operator never sees an empty white frame.
    show: false,
    ...(deps.icon ? { icon: deps.icon } : {}),
    webPreferences: hardenedWebPreferences(deps.files.preload, deps.allowDevTools),
  };
}

export function createMainWindow(deps: MainWindowDeps): BrowserWindow {
  const win = new deps.BrowserWindow(mainWindowOptions(deps));
  win.once('ready-to-show', () => win.show());
  win.loadFile(deps.files.indexHtml).catch((err: unknown) => {
    deps.logger.error('The main window could not load its page; the build may be incomplete (run `npm run build`).', {
      page: deps.files.indexHtml,
      error: err instanceof Error ? err.message : String(err),
    });
  });
  return win;
}
