/**
 * A stand-in for Electron's Linux distribution, for electron-builder's
 * `electronDist` option: an `electron` executable (a script that refuses to
 * run), Electron's `version` file, LICENSE and an empty resources/. That is all
 * electron-builder reads from an unpacked distribution on Linux
 * (app-builder-lib/out/electron/ElectronFramework.js: it copies the folder,
 * renames `electron` to the executable name and moves LICENSE). It lets
 * pack:check package the app on machines where Electron's binary cannot be
 * downloaded; the result proves the app's contents, never that Electron runs.
 */
import fs from 'node:fs';
import path from 'node:path';

export const STAND_IN_NOTICE = 'stand-in Electron made by scripts/packCheck.ts: it cannot run ClusterDeck';

export function makeStandInElectronDist(dir: string, electronVersion: string): string {
  fs.mkdirSync(path.join(dir, 'resources'), { recursive: true });
  const executable = path.join(dir, 'electron');
  fs.writeFileSync(executable, `#!/bin/sh\necho "${STAND_IN_NOTICE}" >&2\nexit 1\n`);
  fs.chmodSync(executable, 0o755);
  fs.writeFileSync(path.join(dir, 'version'), electronVersion);
  fs.writeFileSync(path.join(dir, 'LICENSE'), `${STAND_IN_NOTICE}\n`);
  return dir;
}
