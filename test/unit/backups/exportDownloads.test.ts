/** The Electron window's download routing, with plain objects for the session and item (no Electron binary here). */
import { describe, expect, it } from 'vitest';
import type { SaveDialogOptions } from 'electron';
import { routeDownload } from '../../../main/electron/downloads';
import { locateAppFiles } from '../../../main/electron/appPage';

const files = locateAppFiles('/opt/ClusterDeck/resources/app.asar/dist/main');
const deps = (warned: string[]) => ({
  indexUrl: files.indexUrl,
  downloadsDir: '/home/op/Downloads',
  logger: { info: () => undefined, warn: (m: string) => void warned.push(m), error: () => undefined },
});

function fakeDownload(url: string, filename: string) {
  const seen = { prevented: false, dialog: null as SaveDialogOptions | null };
  const event = { preventDefault: () => void (seen.prevented = true) };
  const item = {
    getURL: () => url,
    getFilename: () => filename,
    setSaveDialogOptions: (o: SaveDialogOptions) => void (seen.dialog = o),
    once: () => item,
  };
  return { seen, event, item };
}

describe('downloads from the Electron window', () => {
  it("asks where to save the page's own export, starting in Downloads", () => {
    const warned: string[] = [];
    const d = fakeDownload('blob:file:///0b6f4a57-9a3e-4c1e-9a53-1f0e6b1d2c3a', 'acme-manager-logs.txt');
    expect(routeDownload(d.event, d.item as never, `${files.indexUrl}#/logs`, deps(warned))).toBe(true);
    expect(d.seen.prevented).toBe(false);
    expect(d.seen.dialog).toMatchObject({ defaultPath: '/home/op/Downloads/acme-manager-logs.txt' });
    expect(warned).toEqual([]);
  });

  it('keeps a crafted file name inside the Downloads folder', () => {
    const d = fakeDownload('data:text/plain,x', '../../.ssh/authorized_keys');
    routeDownload(d.event, d.item as never, files.indexUrl, deps([]));
    expect(d.seen.dialog?.defaultPath).toBe('/home/op/Downloads/authorized_keys');
  });

  it('refuses downloads from another page or of anything the page did not make', () => {
    for (const [page, url] of [
      ['file:///tmp/evil.html', 'blob:file:///abc'],
      ['https://example.com/', 'blob:https://example.com/abc'],
      [files.indexUrl, 'https://example.com/payload.exe'],
      [files.indexUrl, 'file:///etc/passwd'],
    ] as const) {
      const warned: string[] = [];
      const d = fakeDownload(url, 'x.txt');
      expect(routeDownload(d.event, d.item as never, page, deps(warned))).toBe(false);
      expect(d.seen.prevented).toBe(true);
      expect(d.seen.dialog).toBeNull();
      expect(warned[0]).toMatch(/Blocked a download/);
    }
  });
});
