/**
 * Windows .ico and macOS .icns files built from PNGs. Both formats may embed
 * PNG data directly (ICO since Windows Vista, ICNS types ic07 and up), so no
 * bitmap conversion is needed.
 * ICO: https://learn.microsoft.com/en-us/previous-versions/ms997538(v=msdn.10)
 * ICNS: https://en.wikipedia.org/wiki/Apple_Icon_Image_format
 */

export function encodeIco(pngsBySize: ReadonlyMap<number, Buffer>): Buffer {
  const entries = [...pngsBySize.entries()].sort(([a], [b]) => a - b);
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(entries.length, 4);
  const directory = Buffer.alloc(16 * entries.length);
  let offset = header.length + directory.length;
  entries.forEach(([size, png], i) => {
    const at = i * 16;
    // 256 is written as 0: the field is one byte.
    directory[at] = size >= 256 ? 0 : size;
    directory[at + 1] = size >= 256 ? 0 : size;
    directory[at + 2] = 0; // no palette
    directory[at + 3] = 0;
    directory.writeUInt16LE(1, at + 4); // colour planes
    directory.writeUInt16LE(32, at + 6); // bits per pixel
    directory.writeUInt32LE(png.length, at + 8);
    directory.writeUInt32LE(offset, at + 12);
    offset += png.length;
  });
  return Buffer.concat([header, directory, ...entries.map(([, png]) => png)]);
}

/** ICNS element types that hold a PNG, by pixel size ("@2x" types reuse the larger PNG). */
export const ICNS_TYPES: ReadonlyArray<readonly [type: string, pixels: number]> = [
  ['icp4', 16],
  ['icp5', 32],
  ['icp6', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024], // 512@2x
  ['ic11', 32], // 16@2x
  ['ic12', 64], // 32@2x
  ['ic13', 256], // 128@2x
  ['ic14', 512], // 256@2x
];

export function encodeIcns(pngsBySize: ReadonlyMap<number, Buffer>): Buffer {
  const elements = ICNS_TYPES.map(([type, pixels]) => {
    const png = pngsBySize.get(pixels);
    if (!png) throw new Error(`ICNS needs a ${pixels}x${pixels} PNG for ${type}`);
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const body = Buffer.concat(elements);
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(body.length + 8, 4);
  return Buffer.concat([head, body]);
}
