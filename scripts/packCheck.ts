/**
 * `npm run pack:check`: packages the Linux `dir` target with electron-builder
 * and the real electron-builder.yml, but with a stand-in Electron (its binary
 * cannot be downloaded here), npmRebuild off and fuses off (flipping fuses
 * needs Electron's real binary), then opens the produced app.asar and checks
 * what the app needs is inside and what it must not ship is not. Offline;
 * needs `npm run build` first. --keep leaves the output for a look.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { Arch, build, Platform } from 'electron-builder';
import { directorySize, readPackagedApp } from './pack/packagedApp';
import {
  checkEntryPoints,
  checkForbiddenFiles,
  checkNativeFiles,
  checkRuntimeModules,
  checkSize,
  formatMiB,
} from './pack/packageChecks';
import { makeStandInElectronDist } from './pack/standInElectron';

/**
 * Measured at 5.8 MiB (app.asar 2.9 + unpacked natives 3.3) on linux-x64 with
 * the stand-in Electron, which adds nothing. The budget leaves room for the
 * features still to come, but a dependency tree, zod back in node_modules
 * (+8 MiB) or a copied checkout folder breaks it.
 */
const SIZE_BUDGET_BYTES = 16 * 1024 * 1024;
const BUILT_FILES = ['dist/main/index.js', 'dist/preload/index.js', 'dist/renderer/index.html'];

async function packCheck(projectDir: string, keep: boolean): Promise<number> {
  const started = Date.now();
  const missing = BUILT_FILES.filter((f) => !fs.existsSync(path.join(projectDir, f)));
  if (missing.length > 0) {
    console.error(`pack:check needs the built app, and ${missing.join(', ')} is missing. Run \`npm run build\` first.`);
    return 1;
  }
  const electronVersion = (createRequire(path.join(projectDir, 'package.json'))('electron/package.json') as { version: string }).version;
  const arch = process.arch === 'arm64' ? 'arm64' : 'x64';
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'clusterdeck-pack-check-'));
  try {
    const outDir = path.join(work, 'out');
    await build({
      projectDir,
      targets: Platform.LINUX.createTarget('dir', arch === 'arm64' ? Arch.arm64 : Arch.x64),
      publish: 'never',
      // Merged over electron-builder.yml, which electron-builder loads and validates itself.
      config: {
        electronDist: makeStandInElectronDist(path.join(work, 'electron-dist'), electronVersion),
        electronVersion,
        npmRebuild: false,
        electronFuses: null,
        directories: { output: outDir },
      },
    });
    const appOutDir = path.join(outDir, arch === 'arm64' ? 'linux-arm64-unpacked' : 'linux-unpacked');
    const app = readPackagedApp(path.join(appOutDir, 'resources', 'app.asar'));
    const totalBytes = directorySize(appOutDir);
    const mainSource = app.files.has('dist/main/index.js') ? app.read('dist/main/index.js').toString('utf8') : '';

    const failures = [
      ...checkEntryPoints(app),
      ...checkRuntimeModules(app, mainSource),
      ...checkNativeFiles(app, { platform: 'linux', arch }),
      ...checkForbiddenFiles(app),
      ...checkSize(totalBytes, SIZE_BUDGET_BYTES),
    ];

    console.log(`\npack:check linux-${arch} dir target, Electron ${electronVersion} (stand-in binary, npmRebuild and fuses off)`);
    console.log(`  files in app.asar: ${app.files.size}, unpacked: ${app.unpackedOnDisk.size}`);
    console.log(`  size: ${formatMiB(totalBytes)} (budget ${formatMiB(SIZE_BUDGET_BYTES)})`);
    console.log(`  took ${((Date.now() - started) / 1000).toFixed(1)} s${keep ? `, output kept in ${appOutDir}` : ''}`);
    if (failures.length === 0) {
      console.log('pack:check passed.');
      return 0;
    }
    console.error(`pack:check found ${failures.length} problem(s):`);
    for (const failure of failures) console.error(`  - ${failure}`);
    return 1;
  } finally {
    if (!keep) fs.rmSync(work, { recursive: true, force: true });
  }
}

packCheck(process.cwd(), process.argv.includes('--keep')).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error('pack:check could not package the app:', err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
