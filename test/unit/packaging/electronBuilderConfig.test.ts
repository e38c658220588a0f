import fs from 'node:fs';
import path from 'node:path';
import { validateConfiguration } from 'app-builder-lib/out/util/config/config';
import type { Configuration } from 'electron-builder';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const PROJECT_DIR = path.resolve(__dirname, '..', '..', '..');
const load = (): Configuration => parse(fs.readFileSync(path.join(PROJECT_DIR, 'electron-builder.yml'), 'utf8')) as Configuration;
const silent = { isEnabled: false, add: () => undefined } as unknown as Parameters<typeof validateConfiguration>[1];

type TargetList = { target: string; arch: string[] }[];
const targets = (platform: { target?: unknown } | null | undefined) => (platform?.target ?? []) as TargetList;

describe('electron-builder.yml', () => {
  it("passes the installed electron-builder's own schema (fuse names included)", async () => {
    await expect(validateConfiguration(load(), silent)).resolves.toBeUndefined();
  });

  it('the schema check can fail: a misspelt fuse is refused', async () => {
    const config = load() as Configuration & { electronFuses: Record<string, boolean> };
    config.electronFuses.runAsnode = false;
    await expect(validateConfiguration(config, silent)).rejects.toThrow(/electronFuses/);
  });

  it('builds the portable targets of issue 8 for x64 and arm64', () => {
    const config = load();
    expect(config.appId).toBe('io.clusterdeck.app');
    expect(config.productName).toBe('ClusterDeck');
    expect(targets(config.win)).toEqual([{ target: 'portable', arch: ['x64', 'arm64'] }]);
    expect(targets(config.mac)).toEqual([
      { target: 'dmg', arch: ['x64', 'arm64'] },
      { target: 'zip', arch: ['x64', 'arm64'] },
    ]);
    expect(targets(config.linux)).toEqual([
      { target: 'AppImage', arch: ['x64', 'arm64'] },
      { target: 'tar.gz', arch: ['x64', 'arm64'] },
    ]);
    expect(config.linux?.category).toBe('Utility');
  });

  it('is unsigned on macOS: no identity, no notarisation, no hardened runtime', () => {
    const mac = load().mac;
    expect(mac?.identity).toBeNull();
    expect(mac?.notarize).toBe(false);
    expect(mac?.hardenedRuntime).toBe(false);
  });

  it('packs into asar, unpacks native code and rebuilds it for Electron', () => {
    const config = load();
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['**/*.node', '**/node_modules/node-pty/**']));
    expect(config.npmRebuild).toBe(true);
  });

  it('sets the fuses: no run-as-node, NODE_OPTIONS or --inspect; app only from an integrity-checked asar', () => {
    expect(load().electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
      resetAdHocDarwinSignature: true,
    });
  });

  it('has no platform-level `files` made only of exclusions (electron-builder would then add "**/*")', () => {
    const config = load();
    for (const platform of [config.win, config.mac, config.linux]) {
      const files = (platform as { files?: unknown } | null | undefined)?.files;
      if (Array.isArray(files)) expect(files.some((p) => typeof p === 'string' && !p.startsWith('!'))).toBe(true);
    }
  });

  it('finds every icon and extra resource it names, so packaging never downloads a converter', () => {
    const config = load();
    const resources = path.join(PROJECT_DIR, config.directories?.buildResources ?? 'build');
    expect(fs.existsSync(path.join(resources, config.win?.icon as string))).toBe(true);
    expect(fs.existsSync(path.join(resources, config.mac?.icon as string))).toBe(true);
    expect(fs.readdirSync(path.join(resources, config.linux?.icon as string))).toContain('512x512.png');
    for (const extra of (config.extraResources ?? []) as { from: string }[]) expect(fs.existsSync(path.join(PROJECT_DIR, extra.from))).toBe(true);
  });
});
