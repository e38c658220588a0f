/**
 * What the viewer narrows and marks: a minimum level (lines without a level
 * show from "info" down, as they are mostly plain output, like core's
 * logFilter.ts), and search matches as ranges of the plain text, plus the
 * line's colour spans cut at those ranges so a match is highlighted in colour.
 */
import type { AnsiStyle, LogLevel, LogLine, StyledSpan } from '../../../common/contract/schemas/logs';
import { LOG_LEVELS } from '../../../common/contract/schemas/logs';

export function passesLevel(line: LogLine, minimum: LogLevel | null): boolean {
  if (minimum === null) return true;
  const rank = LOG_LEVELS.indexOf(minimum);
  if (line.level === null) return rank <= LOG_LEVELS.indexOf('info');
  return LOG_LEVELS.indexOf(line.level) >= rank;
}

/** A literal, case-insensitive search; null for an empty one. */
export function compileSearch(query: string): RegExp | null {
  const q = query.trim();
  if (q === '') return null;
  return new RegExp(q.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi');
}

/** Whether the line or one of its traceback lines matches. */
export function lineMatches(line: LogLine, search: RegExp): boolean {
  search.lastIndex = 0;
  if (search.test(line.text)) return true;
  return line.continuation.some((c) => {
    search.lastIndex = 0;
    return search.test(c);
  });
}

export interface MarkedSpan {
  text: string;
  style: AnsiStyle | null;
  match: boolean;
}

/** The text as spans (its colours when `colours` and it has any), cut where search matches begin and end. */
export function markSpans(text: string, spans: readonly StyledSpan[] | null, search: RegExp | null): MarkedSpan[] {
  const base: { text: string; style: AnsiStyle | null }[] = spans && spans.length > 0 ? spans.map((s) => ({ text: s.text, style: s.style })) : [{ text, style: null }];
  if (!search) return base.map((s) => ({ ...s, match: false }));
  const ranges: [number, number][] = [];
  search.lastIndex = 0;
  for (const m of text.matchAll(search)) {
    if (m[0].length > 0) ranges.push([m.index ?? 0, (m.index ?? 0) + m[0].length]);
  }
  if (ranges.length === 0) return base.map((s) => ({ ...s, match: false }));
  const out: MarkedSpan[] = [];
  let offset = 0;
  for (const span of base) {
    const end = offset + span.text.length;
    const cuts = new Set([offset, end]);
    for (const [a, b] of ranges) {
      if (a > offset && a < end) cuts.add(a);
      if (b > offset && b < end) cuts.add(b);
    }
    const points = [...cuts].sort((x, y) => x - y);
    for (let i = 0; i + 1 < points.length; i += 1) {
      const from = points[i] ?? 0;
      const to = points[i + 1] ?? 0;
      out.push({ text: span.text.slice(from - offset, to - offset), style: span.style, match: ranges.some(([a, b]) => a <= from && b >= to) });
    }
    offset = end;
  }
  return out;
}
