/**
 * What the viewer narrows and marks: a minimum level (entries without a level
 * show from "info" down, as they are mostly plain output), and search
 * matches as [start, end) ranges in the text without ANSI codes, plus the
 * styled spans split at those ranges so a match can be highlighted in colour.
 */
import { ApiError } from '../../../../common/contract/errors';
import type { StyledSpan } from './ansiSpans';
import { levelRank, type LogEntry, type LogLevel } from './logEntry';

export function passesLevel(entry: LogEntry, minimum: LogLevel | null): boolean {
  if (minimum === null) return true;
  if (entry.level === null) return levelRank(minimum) <= levelRank('info');
  return levelRank(entry.level) >= levelRank(minimum);
}

export function filterByLevel(entries: readonly LogEntry[], minimum: LogLevel | null): LogEntry[] {
  return entries.filter((e) => passesLevel(e, minimum));
}

export interface SearchOptions {
  caseSensitive?: boolean;
  regex?: boolean;
}

export interface MatchRange {
  start: number;
  end: number;
}

/** Compiles the query once; a bad regular expression is an input error a person can fix. */
export function compileSearch(query: string, options: SearchOptions = {}): RegExp | null {
  if (query === '') return null;
  const source = options.regex ? query : query.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  try {
    return new RegExp(source, options.caseSensitive ? 'gu' : 'giu');
  } catch (e) {
    throw new ApiError('invalid_input', `The search ${JSON.stringify(query)} is not a valid regular expression (${(e as Error).message}). Fix it or turn off regex search.`, { query: 'Not a valid regular expression.' });
  }
}

export function findMatches(plainText: string, search: RegExp | null): MatchRange[] {
  if (!search) return [];
  const ranges: MatchRange[] = [];
  search.lastIndex = 0;
  for (const m of plainText.matchAll(search)) {
    // Zero-length matches (e.g. /x*/) would highlight nothing and loop forever in a UI.
    if (m[0].length === 0) continue;
    const start = m.index ?? 0;
    ranges.push({ start, end: start + m[0].length });
  }
  return ranges;
}

export interface HighlightedSpan extends StyledSpan {
  match: boolean;
}

/** Splits styled spans (whose texts join to the plain text) at the match ranges. */
export function highlightSpans(spans: readonly StyledSpan[], ranges: readonly MatchRange[]): HighlightedSpan[] {
  const out: HighlightedSpan[] = [];
  let offset = 0;
  for (const span of spans) {
    const spanEnd = offset + span.text.length;
    const cuts = new Set<number>([offset, spanEnd]);
    for (const r of ranges) {
      if (r.start > offset && r.start < spanEnd) cuts.add(r.start);
      if (r.end > offset && r.end < spanEnd) cuts.add(r.end);
    }
    const points = [...cuts].sort((a, b) => a - b);
    for (let i = 0; i + 1 < points.length; i += 1) {
      const from = points[i] ?? 0;
      const to = points[i + 1] ?? 0;
      const match = ranges.some((r) => r.start <= from && r.end >= to);
      out.push({ text: span.text.slice(from - offset, to - offset), style: span.style, match });
    }
    offset = spanEnd;
  }
  return out;
}
