/**
 * Which lines of a LogBuffer a view shows, as absolute indexes, kept up to
 * date incrementally: while the buffer only grows at the end, only the new
 * lines are tested, so following 5,000 lines/s with a filter costs the new
 * lines per frame, not the 100,000 already loaded. A filter change or a
 * merge into the middle re-tests everything once.
 */
import type { LogLevel, LogLine } from '../../../common/contract/schemas/logs';
import type { LogBuffer } from './logBuffer';
import { lineMatches, passesLevel } from './logLineMatch';

export interface LineFilter {
  minLevel: LogLevel | null;
  search: RegExp | null;
  /** Hide lines the search does not match (otherwise matches are only highlighted). */
  onlyMatches: boolean;
}

export function filterKey(filter: LineFilter): string {
  return `${filter.minLevel ?? ''}|${filter.onlyMatches && filter.search ? filter.search.source : ''}`;
}

function passes(line: LogLine, filter: LineFilter): boolean {
  if (!passesLevel(line, filter.minLevel)) return false;
  return !(filter.onlyMatches && filter.search) || lineMatches(line, filter.search);
}

export interface VisibleIndex {
  update(buffer: LogBuffer, filter: LineFilter): readonly number[];
}

export function createVisibleIndex(): VisibleIndex {
  let indexes: number[] = [];
  let scanned = 0;
  let layout = -1;
  let key: string | null = null;
  let owner: LogBuffer | null = null;
  return {
    update(buffer, filter) {
      const k = filterKey(filter);
      if (buffer !== owner || buffer.layout !== layout || k !== key) {
        owner = buffer;
        indexes = [];
        scanned = buffer.dropped;
        layout = buffer.layout;
        key = k;
      }
      const { lines, dropped } = buffer;
      if (scanned < dropped) scanned = dropped;
      const end = dropped + lines.length;
      const unfiltered = filter.minLevel === null && !(filter.onlyMatches && filter.search);
      for (let a = scanned; a < end; a += 1) {
        if (unfiltered || passes(lines[a - dropped] as LogLine, filter)) indexes.push(a);
      }
      scanned = end;
      if (indexes.length > 0 && (indexes[0] ?? 0) < dropped) {
        let lo = 0;
        let hi = indexes.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if ((indexes[mid] ?? 0) < dropped) lo = mid + 1;
          else hi = mid;
        }
        indexes = indexes.slice(lo);
      }
      return indexes;
    },
  };
}
