/**
 * The ClusterDeck logo, drawn from shapes at any pixel size: a blue tile with
 * a "deck" of three server cards, each with a status light (two healthy, one
 * warning), the question the app answers first. Shapes are signed distance
 * functions, so edges are antialiased exactly at every size, 16 px included.
 */
import type { RgbaImage } from './pngEncoder';

type Rgb = readonly [number, number, number];
interface Shape {
  /** Signed distance from the shape's edge in logo units (0..1), negative inside. */
  distance(x: number, y: number): number;
  colour(x: number, y: number): Rgb;
  alpha: number;
}

const hex = (h: string): Rgb => [parseInt(h.slice(1, 3), 16), parseInt(h.slice(3, 5), 16), parseInt(h.slice(5, 7), 16)];

function roundedBox(cx: number, cy: number, halfW: number, halfH: number, radius: number) {
  return (x: number, y: number) => {
    const qx = Math.abs(x - cx) - (halfW - radius);
    const qy = Math.abs(y - cy) - (halfH - radius);
    return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
  };
}

const circle = (cx: number, cy: number, r: number) => (x: number, y: number) => Math.hypot(x - cx, y - cy) - r;

const TOP = hex('#3b82f6');
const BOTTOM = hex('#1e3a8a');
const CARD = hex('#f8fafc');
const BAR = hex('#94a3b8');
const HEALTHY = hex('#22c55e');
const WARNING = hex('#f59e0b');

function logoShapes(): Shape[] {
  // The tile leaves the margin macOS and Windows expect around an app icon (about 10%).
  const tile: Shape = {
    distance: roundedBox(0.5, 0.5, 0.41, 0.41, 0.1),
    colour: (_x, y) => {
      const t = Math.min(Math.max((y - 0.09) / 0.82, 0), 1);
      return [0, 1, 2].map((i) => (TOP[i] as number) * (1 - t) + (BOTTOM[i] as number) * t) as unknown as Rgb;
    },
    alpha: 1,
  };
  const shapes: Shape[] = [tile];
  const rows: ReadonlyArray<readonly [number, Rgb]> = [
    [0.32, HEALTHY],
    [0.5, HEALTHY],
    [0.68, WARNING],
  ];
  for (const [cy, light] of rows) {
    shapes.push({ distance: roundedBox(0.5, cy, 0.27, 0.072, 0.03), colour: () => CARD, alpha: 0.96 });
    shapes.push({ distance: circle(0.31, cy, 0.032), colour: () => light, alpha: 1 });
    shapes.push({ distance: roundedBox(0.54, cy, 0.15, 0.016, 0.016), colour: () => BAR, alpha: 1 });
  }
  return shapes;
}

export function drawLogo(size: number): RgbaImage {
  const shapes = logoShapes();
  const pixels = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const x = (px + 0.5) / size;
      const y = (py + 0.5) / size;
      // Premultiplied "over" compositing, back to front.
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (const shape of shapes) {
        const coverage = Math.min(Math.max(0.5 - shape.distance(x, y) * size, 0), 1) * shape.alpha;
        if (coverage === 0) continue;
        const [sr, sg, sb] = shape.colour(x, y);
        r = sr * coverage + r * (1 - coverage);
        g = sg * coverage + g * (1 - coverage);
        b = sb * coverage + b * (1 - coverage);
        a = coverage + a * (1 - coverage);
      }
      const at = (py * size + px) * 4;
      pixels[at] = a > 0 ? Math.round(r / a) : 0;
      pixels[at + 1] = a > 0 ? Math.round(g / a) : 0;
      pixels[at + 2] = a > 0 ? Math.round(b / a) : 0;
      pixels[at + 3] = Math.round(a * 255);
    }
  }
  return { width: size, height: size, pixels };
}
