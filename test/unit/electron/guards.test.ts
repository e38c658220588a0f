import type { Session, WebContents } from 'electron';
import { pathToFileURL } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { APP_CSP, externalLinkToOpen, guardSession, guardWebContents, withAppCsp } from '../../../main/electron/guards';
import { recordingLogger } from './fakeLogger';

const INDEX_URL = pathToFileURL('/opt/ClusterDeck/resources/app.asar/dist/renderer/index.html').href;
type Listener = (...args: unknown[]) => unknown;

/** Records the listeners guardWebContents registers, so tests can fire them like Chromium would. */
function fakeContents() {
  const listeners = new Map<string, Listener[]>();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  const contents = {
    on(event: string, listener: Listener) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return contents;
    },
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
      openHandler = handler;
    },
  };
  const fire = (event: string, url: string) => {
    const navigation = { url, preventDefault: vi.fn() };
    for (const l of listeners.get(event) ?? []) l(navigation, url);
    return navigation.preventDefault.mock.calls.length > 0;
  };
  return { contents: contents as unknown as WebContents, listeners, fire, open: (url: string) => openHandler?.({ url }) };
}

function guarded() {
  const f = fakeContents();
  const openExternal = vi.fn(async (_url: string) => undefined);
  const logger = recordingLogger();
  guardWebContents(f.contents, { indexUrl: INDEX_URL, openExternal, logger });
  return { ...f, openExternal, logger };
}

describe('navigation guard', () => {
  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('%s: blocks leaving the app page', (event) => {
    const g = guarded();
    expect(g.fire(event, 'https://evil.example/')).toBe(true);
    expect(g.fire(event, pathToFileURL('/etc/passwd').href)).toBe(true);
    expect(g.fire(event, 'javascript:alert(1)')).toBe(true);
    expect(g.logger.entries.filter((e) => e.level === 'warn')).toHaveLength(3);
  });

  it('lets the app page reload itself, with or without a route', () => {
    const g = guarded();
    expect(g.fire('will-navigate', INDEX_URL)).toBe(false);
    expect(g.fire('will-navigate', `${INDEX_URL}#/clusters`)).toBe(false);
  });

  it('refuses every <webview>', () => {
    const g = guarded();
    const event = { preventDefault: vi.fn() };
    for (const l of g.listeners.get('will-attach-webview') ?? []) l(event, {}, {});
    expect(event.preventDefault).toHaveBeenCalled();
  });
});

describe('window.open guard', () => {
  it('never opens an Electron window; an http(s) link goes to the OS browser', () => {
    const g = guarded();
    expect(g.open('https://docs.backend.ai/en/latest/')).toEqual({ action: 'deny' });
    expect(g.openExternal).toHaveBeenCalledWith('https://docs.backend.ai/en/latest/');
  });

  it.each([
    'file:///etc/passwd',
    'javascript:alert(1)',
    'smb://attacker/share',
    'ms-msdt:/id PCWDiagnostic',
    'https://user:pass@example.com/',
    INDEX_URL,
    'not a url',
  ])('denies %s and opens nothing', (url) => {
    const g = guarded();
    expect(g.open(url)).toEqual({ action: 'deny' });
    expect(g.openExternal).not.toHaveBeenCalled();
  });

  it('normalises what it hands to the OS', () => {
    expect(externalLinkToOpen('HTTPS://Example.COM/a b')).toBe('https://example.com/a%20b');
  });
});

function fakeSession() {
  const handlers: {
    request?: (wc: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void;
    check?: (...args: unknown[]) => boolean;
    device?: (...args: unknown[]) => boolean;
    headers?: (details: { responseHeaders?: Record<string, string[]> }, callback: (r: { responseHeaders?: Record<string, string[]> }) => void) => void;
  } = {};
  const session = {
    setPermissionRequestHandler: (h: typeof handlers.request) => (handlers.request = h),
    setPermissionCheckHandler: (h: typeof handlers.check) => (handlers.check = h),
    setDevicePermissionHandler: (h: typeof handlers.device) => (handlers.device = h),
    webRequest: { onHeadersReceived: (h: typeof handlers.headers) => (handlers.headers = h) },
  };
  return { session: session as unknown as Session, handlers };
}

describe('session guard', () => {
  it.each(['media', 'notifications', 'clipboard-read', 'geolocation', 'openExternal', 'fileSystem', 'hid'])(
    'denies a %s permission request and logs it',
    (permission) => {
      const s = fakeSession();
      const logger = recordingLogger();
      guardSession(s.session, logger);
      const callback = vi.fn();
      s.handlers.request?.({}, permission, callback, {});
      expect(callback).toHaveBeenCalledWith(false);
      expect(logger.entries).toContainEqual(expect.objectContaining({ detail: { permission } }));
    },
  );

  it('answers every permission and device check with no', () => {
    const s = fakeSession();
    guardSession(s.session, recordingLogger());
    expect(s.handlers.check?.(null, 'clipboard-sanitized-write', 'file://', {})).toBe(false);
    expect(s.handlers.device?.({ deviceType: 'usb' })).toBe(false);
  });

  it('puts the CSP header on every response, replacing any other', () => {
    const s = fakeSession();
    guardSession(s.session, recordingLogger());
    const callback = vi.fn();
    s.handlers.headers?.({ responseHeaders: { 'content-security-policy': ["script-src *"], 'X-Other': ['1'] } }, callback);
    expect(callback).toHaveBeenCalledWith({ responseHeaders: { 'X-Other': ['1'], 'Content-Security-Policy': [APP_CSP] } });
    expect(withAppCsp(undefined)).toEqual({ 'Content-Security-Policy': [APP_CSP] });
  });

  it("keeps scripts to the app's own files and forbids plugins and framing", () => {
    const directives = new Map(APP_CSP.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(APP_CSP).not.toMatch(/unsafe-eval|https?:|\*/);
  });
});
