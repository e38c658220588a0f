/**
 * Above the terminals: search in the active tab's scrollback, font size,
 * scrollback length, split side by side, broadcast input, a local shell.
 */
import { useState } from 'react';
import { api } from '../../api/client';
import { FONT_SIZES, SCROLLBACK_CHOICES, useTerminalTabsStore } from '../../stores/terminalTabsStore';
import { instanceOf, openTerminalTab } from './terminalSessions';
import { changeTerminalSettings } from './terminalSettingsSync';

export function TerminalToolbar() {
  const { tabs, activeTabId, previousTabId, splitTabId, fontSize, scrollback, settingsError, isBroadcasting, setSplit, setBroadcasting, setDockOpen } =
    useTerminalTabsStore();
  const [query, setQuery] = useState('');
  const [isNotFound, setNotFound] = useState(false);

  const find = (backwards: boolean) => {
    const search = activeTabId ? instanceOf(activeTabId)?.search : undefined;
    if (!search || !query) return;
    const found = backwards ? search.findPrevious(query) : search.findNext(query);
    setNotFound(!found);
  };
  const step = (direction: 1 | -1) => {
    const index = FONT_SIZES.indexOf(fontSize as (typeof FONT_SIZES)[number]);
    const next = FONT_SIZES[Math.min(FONT_SIZES.length - 1, Math.max(0, (index < 0 ? 3 : index) + direction))];
    if (next) void changeTerminalSettings({ fontSize: next }, api());
  };
  // Beside the active tab: the one used just before it, else the first other one.
  const other = tabs.find((t) => t.tabId === previousTabId && t.tabId !== activeTabId) ?? tabs.find((t) => t.tabId !== activeTabId);

  return (
    <div className="terminal-toolbar" role="toolbar" aria-label="Terminal tools">
      <input
        type="search"
        className={`terminal-search${isNotFound ? ' is-not-found' : ''}`}
        placeholder="Search scrollback"
        aria-label="Search scrollback"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setNotFound(false);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') find(e.shiftKey);
        }}
      />
      <button type="button" className="button" aria-label="Previous match" onClick={() => find(true)}>
        ↑
      </button>
      <button type="button" className="button" aria-label="Next match" onClick={() => find(false)}>
        ↓
      </button>
      <span className="toolbar-gap" />
      <button type="button" className="button" aria-label="Smaller font" onClick={() => step(-1)}>
        A−
      </button>
      <span className="terminal-font-size" aria-label="Font size">
        {fontSize}px
      </span>
      <button type="button" className="button" aria-label="Larger font" onClick={() => step(1)}>
        A+
      </button>
      <label className="terminal-scrollback">
        Scrollback
        <select value={scrollback} onChange={(e) => void changeTerminalSettings({ scrollback: Number(e.target.value) }, api())}>
          {SCROLLBACK_CHOICES.map((n) => (
            <option key={n} value={n}>
              {n.toLocaleString()} lines
            </option>
          ))}
        </select>
      </label>
      {settingsError && (
        <span className="terminal-settings-error" role="status" title={settingsError}>
          ⚠ not saved
        </span>
      )}
      <button
        type="button"
        className="button"
        aria-pressed={splitTabId !== null}
        disabled={splitTabId === null && !other}
        onClick={() => setSplit(splitTabId === null ? (other?.tabId ?? null) : null)}
      >
        {splitTabId === null ? 'Split' : 'Unsplit'}
      </button>
      <button type="button" className={`button${isBroadcasting ? ' danger' : ''}`} aria-pressed={isBroadcasting} onClick={() => setBroadcasting(!isBroadcasting)}>
        Broadcast input
      </button>
      <button type="button" className="button" onClick={() => openTerminalTab({ kind: 'local' }, 'local shell')}>
        Local shell
      </button>
      <button type="button" className="button" aria-label="Hide terminals" onClick={() => setDockOpen(false)}>
        ▾
      </button>
    </div>
  );
}
