/**
 * What the app's pages may not do, enforced in main where a compromised page
 * cannot undo it: navigate away, open windows, attach <webview>s, or be
 * granted any permission. Plus the Content-Security-Policy as a response
 * header, beside the <meta> tag in renderer/index.html.
 * Checklist items 4, 5, 12-15: https://www.electronjs.org/docs/latest/tutorial/security
 */
import type { Session, WebContents } from 'electron';
import type { Logger } from '../core/ports';
import { isAppPageUrl } from './appPage';

/**
 * Scripts only from the app's own files, nothing from the network, no
 * plugins, no framing. 'unsafe-inline' is for styles only: xterm.js writes
 * <style> elements at run time. Keep it in step with the meta tag the
 * renderer ships (test/unit/electron/rendererCsp.test.ts reads both).
 */
export const APP_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "object-src 'none'",
  "frame-ancestors 'none'",
].join('; ');

export interface GuardDeps {
  /** The file:// URL of the app's index.html. */
  indexUrl: string;
  /** shell.openExternal, injected so tests see what would be opened. */
  openExternal: (url: string) => Promise<void>;
  logger: Logger;
}

/** A link the OS browser may open: plain http(s) with a host and no user:pass@ trickery. */
export function externalLinkToOpen(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
  if (parsed.username !== '' || parsed.password !== '' || parsed.hostname === '') return null;
  return parsed.href;
}

const shown = (url: string) => (url.length > 200 ? `${url.slice(0, 200)}…` : url);

type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

export function guardWebContents(contents: GuardedContents, deps: GuardDeps): void {
  const refuseForeign = (kind: string) => (event: { url: string; preventDefault(): void }) => {
    if (isAppPageUrl(event.url, deps.indexUrl)) return;
    event.preventDefault();
    deps.logger.warn(`Blocked a ${kind} away from ClusterDeck's own page.`, { url: shown(event.url) });
  };
  contents.on('will-navigate', refuseForeign('navigation'));
  // will-frame-navigate also covers iframes, which will-navigate does not.
  contents.on('will-frame-navigate', refuseForeign('frame navigation'));
  contents.on('will-redirect', refuseForeign('redirect'));
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    deps.logger.warn('Blocked a <webview> the page tried to attach.');
  });
  contents.setWindowOpenHandler(({ url }) => {
    const link = externalLinkToOpen(url);
    if (link) {
      deps.openExternal(link).catch((err: unknown) =>
        deps.logger.warn('The OS browser did not open a link.', { url: shown(link), error: String(err) }),
      );
    } else {
      deps.logger.warn('Blocked a window the page tried to open.', { url: shown(url) });
    }
    return { action: 'deny' };
  });
}

type GuardedSession = Pick<
  Session,
  'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler' | 'webRequest'
>;

/**
 * No camera, microphone, notifications, clipboard-read, USB, HID, serial...
 * ClusterDeck needs none, so every request and check answers no. Terminal copy
 * and paste still work: they go through the page's own copy/paste events.
 */
export function guardSession(session: GuardedSession, logger: Logger): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    logger.warn('Refused a permission the page asked for.', { permission });
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  // Chromium may skip webRequest for file:// responses; there the meta tag is what applies.
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withAppCsp(details.responseHeaders) });
  });
}

export function withAppCsp(headers: Record<string, string[]> | undefined): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') out[name] = value;
  }
  out['Content-Security-Policy'] = [APP_CSP];
  return out;
}
