/**
 * Tests of the built app (dist/) build it first when it is missing, rather
 * than skipping: a hardening check that silently does not run protects nothing.
 * Test files run in parallel, so one builds while the others wait on a lock.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const PROJECT_DIR = path.resolve(__dirname, '..', '..', '..');
export const BUILT = {
  preload: path.join(PROJECT_DIR, 'dist', 'preload', 'index.js'),
  indexHtml: path.join(PROJECT_DIR, 'dist', 'renderer', 'index.html'),
};

/** Long enough for esbuild plus vite on a busy 2-core machine. */
export const BUILD_TIMEOUT_MS = 240_000;
const LOCK = path.join(PROJECT_DIR, 'node_modules', '.cache', 'clusterdeck-test-build.lock');

const isBuilt = () => Object.values(BUILT).every((file) => fs.existsSync(file));
const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

function takeLock(): boolean {
  fs.mkdirSync(path.dirname(LOCK), { recursive: true });
  const deadline = Date.now() + BUILD_TIMEOUT_MS;
  for (;;) {
    try {
      fs.mkdirSync(LOCK);
      return true;
    } catch {
      if (isBuilt()) return false;
      // A lock older than a whole build was left by a killed run.
      const age = Date.now() - (fs.statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > BUILD_TIMEOUT_MS) fs.rmSync(LOCK, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`Waited ${BUILD_TIMEOUT_MS / 1000} s for another test's build of dist/; run \`npm run build\` and retry.`);
      sleep(500);
    }
  }
}

export function ensureBuilt(): void {
  if (isBuilt() || !takeLock()) return;
  try {
    if (!isBuilt()) execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: PROJECT_DIR, stdio: 'inherit', timeout: BUILD_TIMEOUT_MS });
  } finally {
    fs.rmSync(LOCK, { recursive: true, force: true });
  }
}
