/** The log view's controls: what to read (lines, since, follow: these reopen the stream) and how to show it (level, search, wrap, colours). */
import type { RefObject } from 'react';
import type { LogLevel } from '../../../common/contract/schemas/logs';
import { LOG_LEVELS } from '../../../common/contract/schemas/logs';

export interface LogReadOptions {
  lastN: number;
  /** datetime-local text ('' for none). */
  since: string;
  follow: boolean;
}

export interface LogShowOptions {
  minLevel: LogLevel | null;
  search: string;
  onlyMatches: boolean;
  wrap: boolean;
  colours: boolean;
}

const LINE_CHOICES = [100, 500, 1_000, 10_000, 100_000];

export function LogToolbar(props: {
  read: LogReadOptions;
  show: LogShowOptions;
  onRead: (read: LogReadOptions) => void;
  onShow: (show: LogShowOptions) => void;
  onExport: () => void;
  onClear: () => void;
  searchRef?: RefObject<HTMLInputElement | null>;
}) {
  const { read, show, onRead, onShow, onExport, onClear, searchRef } = props;
  return (
    <div className="log-toolbar" role="toolbar" aria-label="Log view">
      <label>
        Last{' '}
        <select aria-label="Last lines" value={read.lastN} onChange={(e) => onRead({ ...read, lastN: Number(e.target.value) })}>
          {LINE_CHOICES.map((n) => (
            <option key={n} value={n}>
              {n.toLocaleString()} lines
            </option>
          ))}
        </select>
      </label>
      <label>
        Since <input type="datetime-local" aria-label="Since" value={read.since} step={1} onChange={(e) => onRead({ ...read, since: e.target.value })} />
      </label>
      <label className="check">
        <input type="checkbox" checked={read.follow} onChange={(e) => onRead({ ...read, follow: e.target.checked })} /> Follow
      </label>
      <span className="toolbar-sep" />
      <label>
        Level{' '}
        <select
          aria-label="Minimum level"
          value={show.minLevel ?? ''}
          onChange={(e) => onShow({ ...show, minLevel: e.target.value === '' ? null : (e.target.value as LogLevel) })}
        >
          <option value="">all</option>
          {LOG_LEVELS.map((l) => (
            <option key={l} value={l}>
              {l} and worse
            </option>
          ))}
        </select>
      </label>
      <input ref={searchRef} type="search" className="log-search" placeholder="Search" aria-label="Search the log" value={show.search} onChange={(e) => onShow({ ...show, search: e.target.value })} />
      <label className="check">
        <input type="checkbox" checked={show.onlyMatches} onChange={(e) => onShow({ ...show, onlyMatches: e.target.checked })} /> Only matches
      </label>
      <label className="check">
        <input type="checkbox" checked={show.wrap} onChange={(e) => onShow({ ...show, wrap: e.target.checked })} /> Wrap
      </label>
      <label className="check">
        <input type="checkbox" checked={show.colours} onChange={(e) => onShow({ ...show, colours: e.target.checked })} /> Colours
      </label>
      <span className="toolbar-gap" />
      <button type="button" className="button small" onClick={onClear}>
        Clear
      </button>
      <button type="button" className="button small" onClick={onExport}>
        Export…
      </button>
    </div>
  );
}
