/**
 * ANSI escape sequences in log text: SGR (ESC [ ... m) becomes styled spans
 * for the viewer; every other escape (cursor moves, OSC titles and links,
 * charset switches) is dropped. stripAnsi gives the plain text that search,
 * level parsing and export work on. ECMA-48 / xterm ctlseqs.
 */

/** 0-255 is the xterm palette (0-15 the theme's colours); '#rrggbb' is direct colour. */
export type AnsiColor = number | string;

export interface AnsiStyle {
  fg?: AnsiColor;
  bg?: AnsiColor;
  bold?: true;
  dim?: true;
  italic?: true;
  underline?: true;
  inverse?: true;
  strike?: true;
}

export interface StyledSpan {
  text: string;
  style: AnsiStyle;
}

// CSI with its final byte, OSC up to BEL or ST, and two-byte escapes.
// eslint-disable-next-line no-control-regex
const ESCAPE = /\x1b\[([0-?]*)[ -/]*([@-~])|\x1b\][\s\S]*?(?:\x07|\x1b\\)|\x1b[ -/]*[0-~]/g;

export function stripAnsi(text: string): string {
  return text.includes('\x1b') ? text.replace(ESCAPE, '') : text;
}

function hex(n: number): string {
  return Math.max(0, Math.min(255, n)).toString(16).padStart(2, '0');
}

function rgb(r: number, g: number, b: number): string {
  return `#${hex(r)}${hex(g)}${hex(b)}`;
}

function setColor(s: AnsiStyle, which: number, color: AnsiColor): void {
  if (which === 38) s.fg = color;
  else s.bg = color;
}

function applySimple(s: AnsiStyle, p: number): void {
  if (p === 0) for (const k of Object.keys(s) as (keyof AnsiStyle)[]) delete s[k];
  else if (p === 1) s.bold = true;
  else if (p === 2) s.dim = true;
  else if (p === 3) s.italic = true;
  else if (p === 4) s.underline = true;
  else if (p === 7) s.inverse = true;
  else if (p === 9) s.strike = true;
  else if (p === 22) {
    delete s.bold;
    delete s.dim;
  } else if (p === 23) delete s.italic;
  else if (p === 24) delete s.underline;
  else if (p === 27) delete s.inverse;
  else if (p === 29) delete s.strike;
  else if (p >= 30 && p <= 37) s.fg = p - 30;
  else if (p === 39) delete s.fg;
  else if (p >= 40 && p <= 47) s.bg = p - 40;
  else if (p === 49) delete s.bg;
  else if (p >= 90 && p <= 97) s.fg = p - 90 + 8;
  else if (p >= 100 && p <= 107) s.bg = p - 100 + 8;
}

/** Colon sub-parameters (38:5:n, 38:2::r:g:b, 4:0) are one attribute. */
function applyColonGroup(s: AnsiStyle, group: string): void {
  const sub = group.split(':').map((x) => (x === '' ? 0 : Number(x)));
  const head = sub[0] ?? 0;
  if (head === 38 || head === 48) {
    if (sub[1] === 5) setColor(s, head, sub[2] ?? 0);
    else if (sub[1] === 2 && sub.length >= 5) setColor(s, head, rgb(sub[sub.length - 3] ?? 0, sub[sub.length - 2] ?? 0, sub[sub.length - 1] ?? 0));
  } else if (head === 4) {
    if (sub[1] === 0) delete s.underline;
    else s.underline = true;
  } else {
    applySimple(s, head);
  }
}

function applySgr(style: AnsiStyle, paramText: string): AnsiStyle {
  const s: AnsiStyle = { ...style };
  const groups = (paramText === '' ? '0' : paramText).split(';');
  for (let i = 0; i < groups.length; i += 1) {
    const group = groups[i] ?? '';
    if (group.includes(':')) {
      applyColonGroup(s, group);
      continue;
    }
    const p = group === '' ? 0 : Number(group);
    if (p === 38 || p === 48) {
      const num = (k: number) => Number(groups[i + k] || 0);
      if (num(1) === 5) {
        setColor(s, p, num(2));
        i += 2;
      } else if (num(1) === 2) {
        setColor(s, p, rgb(num(2), num(3), num(4)));
        i += 4;
      } else {
        i += 1;
      }
      continue;
    }
    applySimple(s, p);
  }
  return s;
}

export function parseAnsi(text: string): StyledSpan[] {
  const spans: StyledSpan[] = [];
  let style: AnsiStyle = {};
  let last = 0;
  const push = (chunk: string) => {
    if (chunk === '') return;
    const prev = spans[spans.length - 1];
    if (prev && JSON.stringify(prev.style) === JSON.stringify(style)) prev.text += chunk;
    else spans.push({ text: chunk, style });
  };
  for (const m of text.matchAll(ESCAPE)) {
    push(text.slice(last, m.index));
    last = (m.index ?? 0) + m[0].length;
    if (m[2] === 'm') style = applySgr(style, m[1] ?? '');
  }
  push(text.slice(last));
  return spans;
}
