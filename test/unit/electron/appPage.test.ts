import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isAppPageUrl, locateAppFiles, windowIconPath } from '../../../main/electron/appPage';

describe('the app page', () => {
  it('sits beside the main bundle: dist/preload and dist/renderer', () => {
    const files = locateAppFiles(path.join('/app', 'dist', 'main'));
    expect(files.preload).toBe(path.join('/app', 'dist', 'preload', 'index.js'));
    expect(files.indexHtml).toBe(path.join('/app', 'dist', 'renderer', 'index.html'));
    expect(files.indexUrl).toBe(pathToFileURL(files.indexHtml).href);
  });

  it('takes the window icon from resources/ when packaged and from the checkout otherwise', () => {
    expect(windowIconPath('/x/dist/main', '/opt/ClusterDeck/resources', true)).toBe(path.join('/opt/ClusterDeck/resources', 'icon.png'));
    expect(windowIconPath(path.join('/src', 'dist', 'main'), '/unused', false)).toBe(path.join('/src', 'resources', 'icons', '512x512.png'));
  });

  const index = pathToFileURL('/opt/Cluster Deck/ресурсы/dist/renderer/index.html').href;

  it.each([
    [index, true],
    [`${index}#/clusters/c1`, true],
    [`${index}?tab=logs`, true],
    ['file:///opt/Cluster%20Deck/%D1%80%D0%B5%D1%81%D1%83%D1%80%D1%81%D1%8B/dist/renderer/index.html', true],
    ['file:///opt/Cluster Deck/ресурсы/dist/renderer/index.html', true],
    ['file:///opt/Cluster%20Deck/dist/renderer/other.html', false],
    ['file:///etc/passwd', false],
    ['file://evil-host/opt/Cluster%20Deck/%D1%80%D0%B5%D1%81%D1%83%D1%80%D1%81%D1%8B/dist/renderer/index.html', false],
    ['https://example.com/dist/renderer/index.html', false],
    ['javascript:alert(1)', false],
    ['not a url', false],
    ['', false],
  ])('%s is the app page: %s', (url, expected) => {
    expect(isAppPageUrl(url, index, 'linux')).toBe(expected);
  });

  it('compares Windows paths without case, and Unix paths with it', () => {
    const win = 'file:///C:/Users/op/AppData/Local/Temp/ClusterDeck/resources/app.asar/dist/renderer/index.html';
    const upper = win.replace('file:///C:/Users', 'file:///c:/USERS');
    expect(isAppPageUrl(upper, win, 'win32')).toBe(true);
    expect(isAppPageUrl(upper, win, 'linux')).toBe(false);
  });

  it('treats a malformed percent-escape as foreign rather than throwing', () => {
    expect(isAppPageUrl('file:///opt/%E0%A4%A/index.html', index, 'linux')).toBe(false);
  });
});
