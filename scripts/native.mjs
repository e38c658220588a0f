// Makes the native modules (better-sqlite3, node-pty) match the runtime that
// is about to load them: `node scripts/native.mjs node` before tests and the
// web form, `... electron` before `npm start` and packaging. Either order of
// `npm start` / `npm test` works because each checks and rebuilds if needed.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const MODULES = ['better-sqlite3', 'node-pty'];
const MARKER = 'node_modules/.clusterdeck-native.json';
const target = process.argv[2];
if (target !== 'node' && target !== 'electron') {
  console.error('usage: node scripts/native.mjs node|electron');
  process.exit(2);
}

const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
const marker = existsSync(MARKER) ? JSON.parse(readFileSync(MARKER, 'utf8')) : {};

if (target === 'node') {
  // Loading is the only reliable test: the ABI check happens inside dlopen.
  const probe = MODULES.map((m) => `require(${JSON.stringify(m)})`).join(';');
  const loads = spawnSync(process.execPath, ['-e', probe], { stdio: 'ignore' }).status === 0;
  if (!loads || marker.runtime === 'electron') {
    console.log('Rebuilding native modules for Node', process.version);
    run('npm', ['rebuild', ...MODULES]);
  }
  writeFileSync(MARKER, JSON.stringify({ runtime: 'node', version: process.version }));
} else {
  const electronVersion = createRequire(import.meta.url)('electron/package.json').version;
  if (marker.runtime !== 'electron' || marker.version !== electronVersion) {
    console.log('Rebuilding native modules for Electron', electronVersion);
    run('npx', ['electron-rebuild', '--force', '--only', MODULES.join(','), '--version', electronVersion]);
    writeFileSync(MARKER, JSON.stringify({ runtime: 'electron', version: electronVersion }));
  }
}
