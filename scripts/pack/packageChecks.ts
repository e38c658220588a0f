/**
 * What a packaged ClusterDeck must hold, as checks over a PackagedApp listing.
 * Each returns the failures it found as sentences (empty when all is well),
 * so pack:check can print every problem at once. Pure: no disk, no Electron.
 */
import { builtinModules } from 'node:module';
import path from 'node:path';
import { locateAppFiles } from '../../main/electron/appPage';
import type { PackagedApp } from './packagedApp';

/** The native addons the app loads; each must exist and sit outside the asar. */
export const REQUIRED_NATIVE_FILES = ['better_sqlite3.node', 'pty.node'];
/** Top-level entries of app.asar: the built app and its production modules, nothing else. */
const ALLOWED_TOP_LEVEL = new Set(['package.json', 'dist', 'node_modules']);
const ALLOWED_DIST = new Set(['main', 'preload', 'renderer']);
/** Folder names that mean tests, benchmarks or the lab, wherever they appear. */
const FORBIDDEN_SEGMENTS = new Set(['test', 'tests', '__tests__', 'bench', 'benchmark', 'benchmarks', '.lab', 'test-results']);

const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/** Bare module names a CommonJS bundle require()s, minus Node built-ins and electron. */
export function runtimeRequires(bundleSource: string): string[] {
  const found = new Set<string>();
  for (const match of bundleSource.matchAll(/\brequire\(\s*(["'])([^"'\s]+)\1\s*\)/g)) {
    const spec = match[2] as string;
    if (spec.startsWith('.') || spec.startsWith('/') || spec.startsWith('node:')) continue;
    if (builtins.has(spec) || spec === 'electron' || spec.startsWith('electron/')) continue;
    found.add(packageNameOf(spec));
  }
  return [...found].sort();
}

export function packageNameOf(spec: string): string {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] as string);
}

interface PackageJson {
  main?: string;
  exports?: unknown;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

function readJson(app: PackagedApp, file: string): PackageJson {
  return JSON.parse(app.read(file).toString('utf8')) as PackageJson;
}

/** Where Node would find package `name` when required from `fromDir` (posix, relative to the asar root). */
export function findPackageDir(app: PackagedApp, fromDir: string, name: string): string | null {
  let dir = fromDir;
  for (;;) {
    const candidate = path.posix.join(dir, 'node_modules', name);
    if (app.files.has(`${candidate}/package.json`)) return candidate;
    if (dir === '') return null;
    const at = dir.lastIndexOf('node_modules/');
    dir = at <= 0 ? '' : dir.slice(0, at - 1);
  }
}

function entryOf(pkg: PackageJson): string {
  if (pkg.main) return pkg.main;
  const root = typeof pkg.exports === 'object' && pkg.exports !== null ? (pkg.exports as Record<string, unknown>)['.'] ?? pkg.exports : pkg.exports;
  if (typeof root === 'string') return root;
  if (typeof root === 'object' && root !== null) {
    const conditions = root as Record<string, unknown>;
    for (const key of ['require', 'node', 'default']) if (typeof conditions[key] === 'string') return conditions[key] as string;
  }
  return 'index.js';
}

function hasFile(app: PackagedApp, base: string): boolean {
  return ['', '.js', '.json', '.node', '/index.js', '/index.json'].some((ext) => app.files.has(path.posix.normalize(base + ext)));
}

export function checkEntryPoints(app: PackagedApp): string[] {
  if (!app.files.has('package.json')) return ['app.asar has no package.json: Electron would not know what to start.'];
  const main = readJson(app, 'package.json').main;
  if (!main) return ['package.json inside app.asar names no "main" entry.'];
  const mainPath = path.posix.normalize(main);
  const failures: string[] = [];
  if (!app.files.has(mainPath)) failures.push(`The main entry "${main}" named in package.json is not inside app.asar.`);
  // Resolve preload and page exactly as the app does at run time (main/electron/appPage.ts).
  const root = path.resolve('/asar-root');
  const files = locateAppFiles(path.join(root, path.posix.dirname(mainPath)));
  for (const [what, file] of [['preload', files.preload], ['renderer page', files.indexHtml]] as const) {
    const rel = path.relative(root, file).split(path.sep).join('/');
    if (!app.files.has(rel)) failures.push(`The ${what} "${rel}" the main process loads is not inside app.asar.`);
  }
  return failures;
}

/**
 * Every package the main bundle requires, and everything those need in turn
 * (dependencies; optional ones only when present), must resolve inside the
 * asar the way Node resolves it, down to the file its "main" names.
 */
export function checkRuntimeModules(app: PackagedApp, mainBundleSource: string): string[] {
  const failures: string[] = [];
  const visited = new Set<string>();
  const visit = (name: string, fromDir: string, neededBy: string, optional: boolean) => {
    const dir = findPackageDir(app, fromDir, name);
    if (!dir) {
      if (!optional) failures.push(`${neededBy} needs "${name}" at run time, but it is not in app.asar's node_modules.`);
      return;
    }
    if (visited.has(dir)) return;
    visited.add(dir);
    const pkg = readJson(app, `${dir}/package.json`);
    const entry = entryOf(pkg);
    if (!hasFile(app, path.posix.join(dir, entry))) failures.push(`${dir} is packaged without its entry file "${entry}".`);
    const optionalDeps = pkg.optionalDependencies ?? {};
    for (const dep of Object.keys({ ...pkg.dependencies, ...optionalDeps })) visit(dep, dir, dir, dep in optionalDeps);
  };
  for (const name of runtimeRequires(mainBundleSource)) visit(name, '', 'The main bundle', false);
  return failures;
}

/** ELF e_machine values (https://refspecs.linuxfoundation.org/elf/gabi4+/ch4.eheader.html). */
const ELF_MACHINE: Record<string, number> = { x64: 62, arm64: 183 };

/** Native addons must live outside the asar (dlopen cannot read an archive) and be built for the target. */
export function checkNativeFiles(app: PackagedApp, target: { platform: 'linux'; arch: 'x64' | 'arm64' }): string[] {
  const failures: string[] = [];
  const nativeFiles = [...app.files.keys()].filter((f) => f.endsWith('.node'));
  for (const name of REQUIRED_NATIVE_FILES) {
    if (!nativeFiles.some((f) => path.posix.basename(f) === name)) failures.push(`No ${name} in the package: the app cannot load it.`);
  }
  for (const file of nativeFiles) {
    const entry = app.files.get(file);
    if (!entry?.unpacked) {
      failures.push(`${file} is packed inside app.asar; native files must be unpacked (asarUnpack).`);
      continue;
    }
    if (app.unpackedOnDisk.get(file) !== entry.size) {
      failures.push(`${file} is marked unpacked but app.asar.unpacked does not hold it (or holds a different size).`);
      continue;
    }
    const head = app.read(file).subarray(0, 20);
    const isElf = head.length >= 20 && head.readUInt32BE(0) === 0x7f454c46;
    if (!isElf) failures.push(`${file} is not a Linux (ELF) binary: a native file for another OS was packaged.`);
    else if (head.readUInt16LE(18) !== ELF_MACHINE[target.arch]) failures.push(`${file} is not built for ${target.platform}-${target.arch}.`);
  }
  for (const [file, entry] of app.files) {
    if (file.startsWith('node_modules/node-pty/') && !entry.unpacked) {
      failures.push(`${file} is inside app.asar; node-pty opens its helpers by path, so all of it must be unpacked.`);
    }
  }
  return failures;
}

/** No tests, benchmarks, lab, sources, source maps or secrets in what operators download. */
export function checkForbiddenFiles(app: PackagedApp): string[] {
  const failures: string[] = [];
  for (const file of app.files.keys()) {
    const segments = file.split('/');
    const top = segments[0] as string;
    const base = segments[segments.length - 1] as string;
    if (!ALLOWED_TOP_LEVEL.has(top)) failures.push(`${file} is not part of the built app (only package.json, dist/ and node_modules/ belong in app.asar).`);
    else if (top === 'dist' && !ALLOWED_DIST.has(segments[1] as string)) failures.push(`${file}: only dist/main, dist/preload and dist/renderer belong in the desktop app.`);
    else if (segments.some((s) => FORBIDDEN_SEGMENTS.has(s))) failures.push(`${file} is a test, benchmark or lab file.`);
    else if (base.endsWith('.map')) failures.push(`${file} is a source map.`);
    else if (base === '.env' || base.startsWith('.env.')) failures.push(`${file} is an environment file and may hold secrets.`);
    else if (/\.(ts|tsx|mts|cts)$/.test(base) && !base.endsWith('.d.ts')) failures.push(`${file} is TypeScript source, not built output.`);
  }
  return failures;
}

export function checkSize(totalBytes: number, budgetBytes: number): string[] {
  return totalBytes <= budgetBytes
    ? []
    : [`The packaged app is ${formatMiB(totalBytes)}, over its budget of ${formatMiB(budgetBytes)}. Find what grew (pack:check --keep leaves the output) before raising the budget.`];
}

export const formatMiB = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
