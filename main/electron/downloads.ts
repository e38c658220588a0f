/**
 * Where the window's downloads go (the log viewer's and the cluster export's
 * "save to file", made by the page as a blob: download): Electron asks where
 * to save with its save dialog, starting in the OS Downloads folder. Any
 * other download is refused: only ClusterDeck's own page, and only data it
 * made itself (blob:/data:), never a file fetched from elsewhere.
 */
import path from 'node:path';
import type { DownloadItem, Event, Session, WebContents } from 'electron';
import type { Logger } from '../core/ports';
import { isAppPageUrl } from './appPage';

export interface DownloadDeps {
  /** The file:// URL of the app's index.html. */
  indexUrl: string;
  /** app.getPath('downloads'): where the save dialog starts. */
  downloadsDir: string;
  logger: Logger;
}

type DownloadSession = Pick<Session, 'on'>;
type Item = Pick<DownloadItem, 'getURL' | 'getFilename' | 'setSaveDialogOptions' | 'once'>;

/** Data the page made itself: a Blob (saveTextFile) or an inline data: URL. */
export function isPageMadeDownload(url: string): boolean {
  return url.startsWith('blob:') || url.startsWith('data:');
}

/** Decides one download; returns false when it was refused. */
export function routeDownload(event: Pick<Event, 'preventDefault'>, item: Item, pageUrl: string, deps: DownloadDeps): boolean {
  const url = item.getURL();
  if (!isAppPageUrl(pageUrl, deps.indexUrl) || !isPageMadeDownload(url)) {
    event.preventDefault();
    deps.logger.warn("Blocked a download that did not come from ClusterDeck's own page.", { page: pageUrl.slice(0, 200), url: url.slice(0, 200) });
    return false;
  }
  // The page names the file; basename keeps a crafted name from pointing the dialog elsewhere.
  const name = path.basename(item.getFilename()) || 'clusterdeck-export.txt';
  // Electron's own save dialog (dialog.showSaveDialog, parented to the window): asynchronous,
  // so SSH sessions and backups in this process keep running while the operator picks a place.
  item.setSaveDialogOptions({ title: 'Save the export', defaultPath: path.join(deps.downloadsDir, name), buttonLabel: 'Save' });
  item.once('done', (_e, state) => {
    if (state === 'interrupted') deps.logger.warn('A download was interrupted before it was saved.', { file: name });
  });
  return true;
}

export function handleDownloads(session: DownloadSession, deps: DownloadDeps): void {
  session.on('will-download', (event: Event, item: DownloadItem, contents: WebContents) => {
    routeDownload(event, item, contents.getURL(), deps);
  });
}
