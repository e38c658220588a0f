/**
 * Where the desktop app keeps its files: the OS's usual per-user places, as
 * Electron names them. Nothing is ever written next to the executable, so a
 * portable build runs from a read-only share, a USB stick or an AppImage mount.
 */
import path from 'node:path';
import type { App } from 'electron';
import type { CorePaths } from '../core/ports';

/**
 * - dataDir = userData: %APPDATA%\ClusterDeck, ~/Library/Application Support/ClusterDeck,
 *   ~/.config/ClusterDeck. The Windows portable target also sets
 *   PORTABLE_EXECUTABLE_DIR; it is ignored on purpose, because beside the .exe
 *   may be read-only and a copied exe would otherwise fork the profiles.
 * - logsDir = app.getPath('logs'): userData\logs, ~/Library/Logs/ClusterDeck, userData/logs.
 * - backupsDir = userData/backups, not Documents: a backup is a customer's
 *   database and etcd config (credentials included), and Documents is often
 *   synced to a cloud drive (OneDrive folder redirection, iCloud Desktop &
 *   Documents). The UI reveals or exports a backup when an operator wants a copy.
 */
export function desktopPaths(app: Pick<App, 'getPath'>): CorePaths {
  const userData = app.getPath('userData');
  return {
    dataDir: userData,
    logsDir: app.getPath('logs'),
    backupsDir: path.join(userData, 'backups'),
    homeDir: app.getPath('home'),
  };
}
