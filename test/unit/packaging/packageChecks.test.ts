import { describe, expect, it } from 'vitest';
import type { PackagedApp } from '../../../scripts/pack/packagedApp';
import {
  checkEntryPoints,
  checkForbiddenFiles,
  checkNativeFiles,
  checkRuntimeModules,
  checkSize,
  findPackageDir,
  runtimeRequires,
} from '../../../scripts/pack/packageChecks';

/** A fake ELF header: magic, then e_machine at byte 18 (62 = x86-64, 183 = aarch64). */
const elf = (machine: number) => {
  const b = Buffer.alloc(64);
  b.writeUInt32BE(0x7f454c46, 0);
  b.writeUInt16LE(machine, 18);
  return b;
};
const MACH_O = Buffer.from('cffaedfe0c00000100000000', 'hex');

/** An in-memory packaged app: path -> contents, with the unpacked ones also "on disk". */
function app(files: Record<string, string | Buffer>, unpacked: string[] = [], onDisk = unpacked): PackagedApp {
  const content = new Map(Object.entries(files).map(([p, c]) => [p, Buffer.isBuffer(c) ? c : Buffer.from(c)]));
  return {
    files: new Map([...content].map(([p, c]) => [p, { size: c.length, unpacked: unpacked.includes(p) }])),
    unpackedOnDisk: new Map(onDisk.map((p) => [p, content.get(p)?.length ?? 0])),
    read: (p) => {
      const c = content.get(p);
      if (!c) throw new Error(`no ${p}`);
      return c;
    },
  };
}

const pkg = (body: object) => JSON.stringify(body);
const GOOD_APP = {
  'package.json': pkg({ main: 'dist/main/index.js' }),
  'dist/main/index.js': 'require("better-sqlite3")',
  'dist/preload/index.js': '',
  'dist/renderer/index.html': '',
};

describe('what the main bundle requires at run time', () => {
  it('keeps bare package names and drops built-ins, electron and relative paths', () => {
    const source = [
      'require("fs")', 'require("node:path")', "require('fs/promises')", 'require("electron")',
      'require("./local")', 'require("ssh2")', 'require("ssh2/lib/protocol")', 'require("@scope/pkg/sub")',
      'require( "better-sqlite3" )', 'x.require("ws")',
    ].join(';');
    expect(runtimeRequires(source)).toEqual(['@scope/pkg', 'better-sqlite3', 'ssh2', 'ws']);
  });

  it('resolves nested node_modules first, then walks up like Node', () => {
    const a = app({ 'node_modules/a/package.json': '{}', 'node_modules/a/node_modules/b/package.json': '{}', 'node_modules/b/package.json': '{}' });
    expect(findPackageDir(a, 'node_modules/a', 'b')).toBe('node_modules/a/node_modules/b');
    expect(findPackageDir(a, 'node_modules/c', 'b')).toBe('node_modules/b');
    expect(findPackageDir(a, '', 'zzz')).toBeNull();
  });
});

describe('checkRuntimeModules', () => {
  const modules = {
    'node_modules/better-sqlite3/package.json': pkg({ main: 'lib/index.js', dependencies: { bindings: '1' } }),
    'node_modules/better-sqlite3/lib/index.js': '',
    'node_modules/bindings/package.json': pkg({ main: './bindings.js', optionalDependencies: { 'gone-optional': '1' } }),
    'node_modules/bindings/bindings.js': '',
  };

  it('passes when every required package, its dependencies and their entry files are inside', () => {
    expect(checkRuntimeModules(app(modules), 'require("better-sqlite3")')).toEqual([]);
  });

  it('names a package the bundle requires that is missing', () => {
    expect(checkRuntimeModules(app(modules), 'require("ssh2")')).toEqual([
      'The main bundle needs "ssh2" at run time, but it is not in app.asar\'s node_modules.',
    ]);
  });

  it('names a missing dependency of a required package', () => {
    const { 'node_modules/bindings/package.json': _a, 'node_modules/bindings/bindings.js': _b, ...withoutBindings } = modules;
    expect(checkRuntimeModules(app(withoutBindings), 'require("better-sqlite3")')).toEqual([
      'node_modules/better-sqlite3 needs "bindings" at run time, but it is not in app.asar\'s node_modules.',
    ]);
  });

  it('names a package shipped without its entry file', () => {
    const { 'node_modules/better-sqlite3/lib/index.js': _gone, ...noEntry } = modules;
    expect(checkRuntimeModules(app(noEntry), 'require("better-sqlite3")')).toEqual([
      'node_modules/better-sqlite3 is packaged without its entry file "lib/index.js".',
    ]);
  });
});

describe('checkEntryPoints', () => {
  it('passes when main, preload and page are where the app looks for them', () => {
    expect(checkEntryPoints(app(GOOD_APP))).toEqual([]);
  });

  it('names each missing entry point', () => {
    const { 'dist/preload/index.js': _p, 'dist/renderer/index.html': _r, ...rest } = GOOD_APP;
    expect(checkEntryPoints(app(rest))).toEqual([
      'The preload "dist/preload/index.js" the main process loads is not inside app.asar.',
      'The renderer page "dist/renderer/index.html" the main process loads is not inside app.asar.',
    ]);
    expect(checkEntryPoints(app({ 'package.json': pkg({ main: 'out/main.js' }) }))[0]).toMatch(/"out\/main.js"/);
  });
});

describe('checkNativeFiles', () => {
  const natives = {
    'node_modules/better-sqlite3/build/Release/better_sqlite3.node': elf(62),
    'node_modules/node-pty/build/Release/pty.node': elf(62),
    'node_modules/node-pty/lib/index.js': '',
  };
  const allUnpacked = Object.keys(natives);
  const linuxX64 = { platform: 'linux', arch: 'x64' } as const;

  it('passes when the natives are unpacked, on disk and built for the target', () => {
    expect(checkNativeFiles(app(natives, allUnpacked), linuxX64)).toEqual([]);
  });

  it('flags a .node file packed inside the asar, and node-pty files inside it', () => {
    const failures = checkNativeFiles(app(natives, []), linuxX64);
    expect(failures.filter((f) => f.includes('native files must be unpacked'))).toHaveLength(2);
    expect(failures.some((f) => f.startsWith('node_modules/node-pty/lib/index.js is inside app.asar'))).toBe(true);
  });

  it('flags a file the header calls unpacked that is not on disk', () => {
    expect(checkNativeFiles(app(natives, allUnpacked, allUnpacked.slice(1)), linuxX64)).toEqual([
      'node_modules/better-sqlite3/build/Release/better_sqlite3.node is marked unpacked but app.asar.unpacked does not hold it (or holds a different size).',
    ]);
  });

  it('flags a binary for another OS or another CPU', () => {
    const wrong = { ...natives, 'node_modules/node-pty/build/Release/pty.node': MACH_O, 'node_modules/x/y.node': elf(183) };
    const failures = checkNativeFiles(app(wrong, Object.keys(wrong)), linuxX64);
    expect(failures).toEqual([
      'node_modules/node-pty/build/Release/pty.node is not a Linux (ELF) binary: a native file for another OS was packaged.',
      'node_modules/x/y.node is not built for linux-x64.',
    ]);
  });

  it('flags a required native addon that is missing altogether', () => {
    const { 'node_modules/node-pty/build/Release/pty.node': _gone, ...rest } = natives;
    expect(checkNativeFiles(app(rest, Object.keys(rest)), linuxX64)).toEqual(['No pty.node in the package: the app cannot load it.']);
  });
});

describe('checkForbiddenFiles', () => {
  it('passes the built app and production modules', () => {
    expect(checkForbiddenFiles(app({ ...GOOD_APP, 'node_modules/ssh2/lib/client.js': '', 'node_modules/x/index.d.ts': '' }))).toEqual([]);
  });

  it.each([
    ['test/unit/a.test.ts', /not part of the built app/],
    ['bench/run.ts', /not part of the built app/],
    ['scripts/packCheck.ts', /not part of the built app/],
    ['.lab/lab.json', /not part of the built app/],
    ['.env', /not part of the built app/],
    ['dist/web/cli.js', /only dist\/main, dist\/preload and dist\/renderer/],
    ['dist/main/index.js.map', /source map/],
    ['dist/renderer/.env.local', /environment file/],
    ['node_modules/x/test/a.js', /test, benchmark or lab/],
    ['node_modules/x/benchmark/a.js', /test, benchmark or lab/],
    ['node_modules/x/src/a.ts', /TypeScript source/],
  ])('refuses %s', (file, reason) => {
    const failures = checkForbiddenFiles(app({ ...GOOD_APP, [file]: '' }));
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatch(reason);
  });
});

describe('checkSize', () => {
  it('passes at the budget and names both numbers when over it', () => {
    expect(checkSize(10 * 1024 * 1024, 10 * 1024 * 1024)).toEqual([]);
    expect(checkSize(10 * 1024 * 1024 + 1, 10 * 1024 * 1024)[0]).toMatch(/10\.0 MiB, over its budget of 10\.0 MiB/);
  });
});
