import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { desktopPaths } from '../../../main/electron/paths';

/** Electron's app.getPath on a Windows portable run: everything per user, nothing beside the exe. */
const WINDOWS = {
  userData: 'C:\\Users\\op\\AppData\\Roaming\\ClusterDeck',
  logs: 'C:\\Users\\op\\AppData\\Roaming\\ClusterDeck\\logs',
  home: 'C:\\Users\\op',
  exe: 'E:\\ClusterDeck-0.1.0-win-portable.exe',
  documents: 'C:\\Users\\op\\OneDrive\\Documents',
};

const fakeApp = (paths: Record<string, string>) => ({
  getPath: (name: string) => {
    const value = paths[name];
    if (!value) throw new Error(`unexpected getPath("${name}")`);
    return value;
  },
});

describe('where the desktop app keeps its files', () => {
  afterEach(() => {
    delete process.env.PORTABLE_EXECUTABLE_DIR;
  });

  it("uses the OS's per-user places: userData for data, the OS log folder for logs", () => {
    const paths = desktopPaths(fakeApp(WINDOWS) as never);
    expect(paths).toEqual({
      dataDir: WINDOWS.userData,
      logsDir: WINDOWS.logs,
      backupsDir: path.join(WINDOWS.userData, 'backups'),
      homeDir: WINDOWS.home,
    });
  });

  it('keeps working from a read-only portable location: nothing lands beside the executable', () => {
    process.env.PORTABLE_EXECUTABLE_DIR = 'E:\\';
    const paths = desktopPaths(fakeApp(WINDOWS) as never);
    for (const dir of [paths.dataDir, paths.logsDir, paths.backupsDir]) expect(dir.startsWith('E:')).toBe(false);
  });

  it('keeps backups out of Documents, which is often synced to a cloud drive', () => {
    const paths = desktopPaths(fakeApp(WINDOWS) as never);
    expect(paths.backupsDir.startsWith(WINDOWS.documents)).toBe(false);
  });
});
