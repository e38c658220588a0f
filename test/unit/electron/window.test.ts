import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { locateAppFiles } from '../../../main/electron/appPage';
import { createMainWindow, hardenedWebPreferences, mainWindowOptions } from '../../../main/electron/window';
import { recordingLogger } from './fakeLogger';

const files = locateAppFiles('/opt/ClusterDeck/resources/app.asar/dist/main');

describe('the main window', () => {
  it('runs the page sandboxed and isolated, with no Node and web security on', () => {
    const prefs = hardenedWebPreferences(files.preload, false);
    expect(prefs).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: false,
    });
    expect(prefs.preload).toBe(files.preload);
    // Nothing that loosens the sandbox sneaks in under another name.
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs).not.toHaveProperty('additionalArguments');
  });

  it('allows DevTools only when asked (unpackaged runs)', () => {
    expect(hardenedWebPreferences(files.preload, true).devTools).toBe(true);
  });

  it('puts the hardened preferences into the window it builds', () => {
    const options = mainWindowOptions({ files, allowDevTools: false });
    expect(options.webPreferences).toEqual(hardenedWebPreferences(files.preload, false));
    expect(options.show).toBe(false);
    expect(options).not.toHaveProperty('icon');
  });

  it('loads the built index.html from disk and shows the window once it is ready', async () => {
    const made: FakeWindow[] = [];
    class FakeWindow {
      readonly options: BrowserWindowConstructorOptions;
      readonly loaded: string[] = [];
      readonly onceListeners = new Map<string, () => void>();
      shown = false;
      constructor(options: BrowserWindowConstructorOptions) {
        this.options = options;
        made.push(this);
      }
      once(event: string, listener: () => void) {
        this.onceListeners.set(event, listener);
        return this;
      }
      loadFile(file: string) {
        this.loaded.push(file);
        return Promise.resolve();
      }
      show() {
        this.shown = true;
      }
    }
    createMainWindow({
      BrowserWindow: FakeWindow as unknown as new (o: BrowserWindowConstructorOptions) => BrowserWindow,
      files,
      allowDevTools: false,
      icon: '/opt/ClusterDeck/resources/icon.png',
      logger: recordingLogger(),
    });
    const win = made[0] as FakeWindow;
    expect(win.options.webPreferences?.sandbox).toBe(true);
    expect(win.options.icon).toBe('/opt/ClusterDeck/resources/icon.png');
    expect(win.loaded).toEqual([files.indexHtml]);
    expect(win.shown).toBe(false);
    win.onceListeners.get('ready-to-show')?.();
    expect(win.shown).toBe(true);
  });

  it('logs, instead of crashing, when the page file is missing', async () => {
    const logger = recordingLogger();
    class MissingPage {
      once() {
        return this;
      }
      loadFile() {
        return Promise.reject(new Error('ERR_FILE_NOT_FOUND'));
      }
    }
    createMainWindow({
      BrowserWindow: MissingPage as unknown as new (o: BrowserWindowConstructorOptions) => BrowserWindow,
      files,
      allowDevTools: false,
      logger,
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(logger.entries).toContainEqual(expect.objectContaining({ level: 'error', detail: expect.objectContaining({ error: 'ERR_FILE_NOT_FOUND' }) }));
  });
});
