// Builds every part of the app into dist/: main (Electron entry), preload,
// the web form's server (esbuild bundles for Node) and the renderer (vite).
// Native modules stay external: they are loaded from node_modules (or from
// app.asar.unpacked when packaged), built for whichever runtime loads them.
import { build } from 'esbuild';
import { build as viteBuild } from 'vite';
import { existsSync, rmSync } from 'node:fs';

const NATIVE_AND_ELECTRON = ['electron', 'better-sqlite3', 'node-pty', 'ssh2', 'cpu-features'];
const node = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: false, logLevel: 'warning', legalComments: 'none' };

const bundles = [
  { entryPoints: ['main/index.ts'], outfile: 'dist/main/index.js', external: NATIVE_AND_ELECTRON },
  // A sandboxed preload may require('electron') and nothing else: bundle all of common into it.
  { entryPoints: ['preload/index.ts'], outfile: 'dist/preload/index.js', external: ['electron'] },
  { entryPoints: ['main/web/cli.ts'], outfile: 'dist/web/cli.js', external: NATIVE_AND_ELECTRON },
];

const only = process.argv[2];
for (const dir of ['dist/main', 'dist/preload', 'dist/web']) rmSync(dir, { recursive: true, force: true });
await Promise.all(
  bundles
    .filter((b) => existsSync(b.entryPoints[0]))
    .filter((b) => !only || b.outfile.includes(`/${only}/`) || b.outfile.includes('/web/'))
    .map((b) => build({ ...node, ...b })),
);
await viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn' });
console.log('built dist/');
