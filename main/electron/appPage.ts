/**
 * Where the desktop app's own files sit next to the main bundle, and whether a
 * URL is the app's own page. The navigation guard and the IPC sender check
 * both ask isAppPageUrl, so "our page" has exactly one definition.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export interface AppFiles {
  /** dist/preload/index.js: the sandboxed bridge. */
  preload: string;
  /** dist/renderer/index.html: the only page the window ever shows. */
  indexHtml: string;
  /** indexHtml as the file:// URL Chromium reports for it. */
  indexUrl: string;
}

/** mainDir is the folder of dist/main/index.js (its __dirname, inside app.asar when packaged). */
export function locateAppFiles(mainDir: string): AppFiles {
  const indexHtml = path.join(mainDir, '..', 'renderer', 'index.html');
  return {
    preload: path.join(mainDir, '..', 'preload', 'index.js'),
    indexHtml,
    indexUrl: pathToFileURL(indexHtml).href,
  };
}

/**
 * The window icon for Linux window managers (Windows and macOS take it from the
 * executable). Packaged: electron-builder copies it beside app.asar (see
 * extraResources in electron-builder.yml); from a checkout: resources/icons.
 */
export function windowIconPath(mainDir: string, resourcesPath: string, isPackaged: boolean): string {
  return isPackaged
    ? path.join(resourcesPath, 'icon.png')
    : path.join(mainDir, '..', '..', 'resources', 'icons', '512x512.png');
}

/**
 * True when url is the app's index.html, whatever its query or #fragment (the
 * renderer may route with either). Anything else, including another file://
 * page, is foreign. Percent-encoding is normalised because Chromium and Node
 * do not always escape the same characters; Windows paths compare without case.
 */
export function isAppPageUrl(url: string, indexUrl: string, platform: NodeJS.Platform = process.platform): boolean {
  let actual: URL;
  try {
    actual = new URL(url);
  } catch {
    return false;
  }
  const expected = new URL(indexUrl);
  if (actual.protocol !== 'file:' || actual.host !== expected.host) return false;
  const norm = (p: string) => {
    let decoded: string;
    try {
      decoded = decodeURIComponent(p);
    } catch {
      return null;
    }
    return platform === 'win32' ? decoded.toLowerCase() : decoded;
  };
  const actualPath = norm(actual.pathname);
  return actualPath !== null && actualPath === norm(expected.pathname);
}
