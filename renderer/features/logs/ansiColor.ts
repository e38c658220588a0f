/**
 * ANSI colours to CSS: 0-15 the theme's palette (xterm's defaults, readable
 * on both themes), 16-231 the 6x6x6 cube, 232-255 the grey ramp, and direct
 * '#rrggbb' as is. xterm ctlseqs, "256 colors".
 */
import type { AnsiStyle } from '../../../common/contract/schemas/logs';
import type { CSSProperties } from 'react';

const BASE16 = ['#000000', '#cd3131', '#0dbc79', '#e5e510', '#2472c8', '#bc3fbc', '#11a8cd', '#e5e5e5', '#666666', '#f14c4c', '#23d18b', '#f5f543', '#3b8eea', '#d670d6', '#29b8db', '#ffffff'];

export function ansiCss(color: number | string): string {
  if (typeof color === 'string') return color;
  if (color < 16) return BASE16[color] ?? 'inherit';
  if (color < 232) {
    const n = color - 16;
    const level = (v: number) => (v === 0 ? 0 : 55 + v * 40);
    return `rgb(${level(Math.floor(n / 36))}, ${level(Math.floor(n / 6) % 6)}, ${level(n % 6)})`;
  }
  const grey = 8 + (color - 232) * 10;
  return `rgb(${grey}, ${grey}, ${grey})`;
}

export function ansiStyleCss(style: AnsiStyle): CSSProperties {
  const fg = style.fg !== undefined ? ansiCss(style.fg) : undefined;
  const bg = style.bg !== undefined ? ansiCss(style.bg) : undefined;
  const css: CSSProperties = {};
  if (style.inverse) {
    css.color = bg ?? 'var(--surface)';
    css.backgroundColor = fg ?? 'var(--text)';
  } else {
    if (fg) css.color = fg;
    if (bg) css.backgroundColor = bg;
  }
  if (style.bold) css.fontWeight = 600;
  if (style.dim) css.opacity = 0.7;
  if (style.italic) css.fontStyle = 'italic';
  const lines = [style.underline ? 'underline' : '', style.strike ? 'line-through' : ''].filter(Boolean).join(' ');
  if (lines) css.textDecoration = lines;
  return css;
}
