import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ICO_SIZES, LINUX_SIZES } from '../../../scripts/drawIcons';
import { ICNS_TYPES } from '../../../scripts/icons/iconContainers';
import { drawLogo } from '../../../scripts/icons/logo';
import { decodeOwnPng } from '../../../scripts/icons/pngEncoder';

const RESOURCES = path.resolve(__dirname, '..', '..', '..', 'resources');

describe('app icons in resources/', () => {
  it.each([...LINUX_SIZES])('icons/%ix%i.png is a real square PNG of its size', (size) => {
    const image = decodeOwnPng(fs.readFileSync(path.join(RESOURCES, 'icons', `${size}x${size}.png`)));
    expect([image.width, image.height]).toEqual([size, size]);
    // Transparent corners (the tile is rounded), opaque centre.
    expect(image.pixels[3]).toBe(0);
    expect(image.pixels[((size * size) / 2 + size / 2) * 4 + 3]).toBe(255);
  });

  it.each([16, 256, 512])('the committed %i px icon is what scripts/drawIcons.ts draws today', (size) => {
    const committed = decodeOwnPng(fs.readFileSync(path.join(RESOURCES, 'icons', `${size}x${size}.png`)));
    expect(committed.pixels.equals(drawLogo(size).pixels)).toBe(true);
  });

  it('icon.ico holds PNG images from 16 to 256 px, as Windows reads them', () => {
    const ico = fs.readFileSync(path.join(RESOURCES, 'icon.ico'));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    const count = ico.readUInt16LE(4);
    const sizes: number[] = [];
    for (let i = 0; i < count; i++) {
      const at = 6 + i * 16;
      const declared = ico[at] === 0 ? 256 : (ico[at] as number);
      const length = ico.readUInt32LE(at + 8);
      const offset = ico.readUInt32LE(at + 12);
      expect(offset + length).toBeLessThanOrEqual(ico.length);
      const image = decodeOwnPng(ico.subarray(offset, offset + length));
      expect(image.width).toBe(declared);
      sizes.push(declared);
    }
    expect(sizes).toEqual([...ICO_SIZES]);
  });

  it('icon.icns holds every PNG type macOS asks for, 16 to 1024 px', () => {
    const icns = fs.readFileSync(path.join(RESOURCES, 'icon.icns'));
    expect(icns.toString('ascii', 0, 4)).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const found = new Map<string, number>();
    for (let at = 8; at < icns.length; ) {
      const type = icns.toString('ascii', at, at + 4);
      const length = icns.readUInt32BE(at + 4);
      expect(length).toBeGreaterThan(8);
      found.set(type, decodeOwnPng(icns.subarray(at + 8, at + length)).width);
      at += length;
    }
    expect(Object.fromEntries(found)).toEqual(Object.fromEntries(ICNS_TYPES));
  });
});
