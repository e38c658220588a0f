/**
 * Writes the app icons into resources/ from the drawing in scripts/icons/logo.ts:
 *   resources/icons/NxN.png  Linux icon set (and the window icon, 512x512)
 *   resources/icon.ico       Windows, 16..256 px
 *   resources/icon.icns      macOS, 16..1024 px
 * electron-builder finds them through directories.buildResources, so packaging
 * never has to download its icon converter. Run: npx tsx scripts/drawIcons.ts
 */
import fs from 'node:fs';
import path from 'node:path';
import { encodeIcns, encodeIco } from './icons/iconContainers';
import { drawLogo } from './icons/logo';
import { encodePng } from './icons/pngEncoder';

export const LINUX_SIZES = [16, 32, 48, 64, 128, 256, 512] as const;
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256] as const;
const ALL_SIZES = [...new Set([...LINUX_SIZES, ...ICO_SIZES, 1024])];

export function renderIconPngs(): Map<number, Buffer> {
  return new Map(ALL_SIZES.map((size) => [size, encodePng(drawLogo(size))]));
}

export function writeIcons(resourcesDir: string): string[] {
  const pngs = renderIconPngs();
  const pick = (sizes: readonly number[]) => new Map(sizes.map((s) => [s, pngs.get(s) as Buffer]));
  const written: string[] = [];
  const write = (file: string, data: Buffer) => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, data);
    written.push(file);
  };
  for (const size of LINUX_SIZES) write(path.join(resourcesDir, 'icons', `${size}x${size}.png`), pngs.get(size) as Buffer);
  write(path.join(resourcesDir, 'icon.ico'), encodeIco(pick(ICO_SIZES)));
  write(path.join(resourcesDir, 'icon.icns'), encodeIcns(pngs));
  return written;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename ?? '')) {
  for (const file of writeIcons(path.resolve('resources'))) console.log('wrote', path.relative(process.cwd(), file));
}
