// The slice of Go's text/template and text/tabwriter that `docker ps --format`
// and `docker compose ps --format` users rely on: {{.Field}}, {{json .}},
// {{json .Field}}, {{.Label "k"}}, {{upper|lower|title ...}}, {{"literal"}},
// a leading "table" (header row + tabwriter with docker's minwidth 10,
// padding 3), and \t / \n escapes replaced as docker's formatter does.

export class TemplateError extends Error {}

/** Go's json.Marshal of a map: sorted keys, HTML-safe escapes. */
export function goJson(value) {
  const sortKeys = (v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys(v[k])])) : v);
  return JSON.stringify(sortKeys(value)).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

function parse(source) {
  const parts = [];
  const re = /\{\{-?\s*(.*?)\s*-?\}\}/g;
  let last = 0;
  for (const m of source.matchAll(re)) {
    if (m.index > last) parts.push({ text: source.slice(last, m.index) });
    parts.push({ action: m[1] });
    last = m.index + m[0].length;
  }
  if (last < source.length) parts.push({ text: source.slice(last) });
  return parts;
}

function tokens(action) {
  return [...action.matchAll(/"((?:[^"\\]|\\.)*)"|(\S+)/g)].map((m) => (m[1] !== undefined ? { str: JSON.parse(`"${m[1]}"`) } : { word: m[2] }));
}

function evalArg(tok, ctx, typeName) {
  if (tok.str !== undefined) return tok.str;
  if (tok.word === '.') return ctx.self;
  if (tok.word.startsWith('.')) {
    const field = tok.word.slice(1);
    if (!(field in ctx.fields)) throw new TemplateError(`template parsing error: template: :1: executing "" at <${tok.word}>: can't evaluate field ${field} in type ${typeName}`);
    return ctx.fields[field];
  }
  throw new TemplateError(`template parsing error: template: :1: function "${tok.word}" not defined`);
}

function evalAction(action, ctx, typeName) {
  const t = tokens(action);
  if (t.length === 0) return '';
  const head = t[0].word;
  if (head === 'json') return goJson(t.length > 1 ? evalArg(t[1], ctx, typeName) : ctx.self);
  if (head === 'upper') return String(evalArg(t[1], ctx, typeName)).toUpperCase();
  if (head === 'lower') return String(evalArg(t[1], ctx, typeName)).toLowerCase();
  if (head === 'title') return String(evalArg(t[1], ctx, typeName)).replace(/\b\w/g, (c) => c.toUpperCase());
  if (head === 'println') return `${t.slice(1).map((x) => evalArg(x, ctx, typeName)).join(' ')}\n`;
  if (head === '.Label' && t[1]?.str !== undefined) return ctx.labels[t[1].str] ?? '';
  if (t.length === 1) {
    const v = evalArg(t[0], ctx, typeName);
    return typeof v === 'object' ? goJson(v) : String(v);
  }
  throw new TemplateError(`template parsing error: template: :1: function "${head}" not defined`);
}

/**
 * Formats rows with a docker --format string. Each row: { fields, labels, self }.
 * headers maps a field to its table header (e.g. ID -> "CONTAINER ID").
 */
export function formatRows(format, rows, { headers, typeName }) {
  let source = format;
  const isTable = source.startsWith('table');
  if (isTable) source = source.slice(5);
  source = source.trim().replace(/\\t/g, '\t').replace(/\\n/g, '\n');
  const parts = parse(source);
  const render = (ctx) => parts.map((p) => (p.text !== undefined ? p.text : evalAction(p.action, ctx, typeName))).join('');
  const lines = rows.map((row) => render(row));
  if (!isTable) return lines.map((l) => `${l}\n`).join('');
  const headerCtx = { fields: Object.fromEntries(Object.keys(headers).map((k) => [k, headers[k]])), labels: {}, self: {} };
  const header = parts.map((p) => {
    if (p.text !== undefined) return p.text;
    const t = tokens(p.action);
    if (t.length === 1 && t[0].word?.startsWith('.')) return headerCtx.fields[t[0].word.slice(1)] ?? t[0].word.slice(1).toUpperCase();
    return '';
  }).join('');
  return tabwrite([header, ...lines]);
}

/** Go tabwriter(minwidth 10, tabwidth 1, padding 3, ' '): tab-terminated cells are aligned per column. */
export function tabwrite(lines, { minWidth = 10, padding = 3 } = {}) {
  const rows = lines.map((l) => l.split('\t'));
  const widths = [];
  for (const cells of rows) {
    cells.slice(0, -1).forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, [...cell].length + padding, minWidth);
    });
  }
  return rows.map((cells) => cells.map((cell, i) => (i < cells.length - 1 ? cell + ' '.repeat(widths[i] - [...cell].length) : cell)).join('')).map((l) => `${l}\n`).join('');
}
