/**
 * The terminal panel under the main pane. Mounted by the app shell, outside
 * the views, so tabs survive navigating the tree. Shows the active tab and,
 * when split, a second one beside it; warns while input is broadcast.
 */
import { useEffect } from 'react';
import { api } from '../../api/client';
import { useTerminalTabsStore } from '../../stores/terminalTabsStore';
import { NodeTerminalContextMenu } from './NodeTerminalContextMenu';
import { TerminalPane } from './TerminalPane';
import { TerminalTabBar } from './TerminalTabBar';
import { TerminalToolbar } from './TerminalToolbar';
import { adoptOpenTerminals, applyDisplaySettings, openTerminalTab } from './terminalSessions';
import { loadTerminalSettings } from './terminalSettingsSync';
import './terminals.css';

export function TerminalDock() {
  const { tabs, activeTabId, splitTabId, isDockOpen, isBroadcasting, broadcastTabIds, fontSize, scrollback, setDockOpen } = useTerminalTabsStore();

  useEffect(() => applyDisplaySettings(fontSize, scrollback), [fontSize, scrollback]);
  useEffect(() => void adoptOpenTerminals(), []);
  useEffect(() => void loadTerminalSettings(api()), []);

  if (tabs.length === 0) {
    return (
      <div className="terminal-dock is-collapsed">
        <span className="muted">Terminals: open one from a node, or</span>{' '}
        <button type="button" className="button" onClick={() => openTerminalTab({ kind: 'local' }, 'local shell')}>
          Local shell
        </button>
        <NodeTerminalContextMenu />
      </div>
    );
  }
  if (!isDockOpen) {
    return (
      <div className="terminal-dock is-collapsed">
        <button type="button" className="button" onClick={() => setDockOpen(true)}>
          ▴ Terminals ({tabs.length})
        </button>
        <NodeTerminalContextMenu />
      </div>
    );
  }
  const active = tabs.find((t) => t.tabId === activeTabId) ?? tabs[0];
  const split = splitTabId ? tabs.find((t) => t.tabId === splitTabId && t.tabId !== active?.tabId) : undefined;
  const receivers = tabs.filter((t) => broadcastTabIds.has(t.tabId));
  return (
    <section className="terminal-dock" aria-label="Terminals">
      <NodeTerminalContextMenu />
      <TerminalTabBar />
      <TerminalToolbar />
      {isBroadcasting && (
        <div className="terminal-broadcast-warning" role="alert">
          Broadcast is on: what you type in {receivers.length === 0 ? 'a ticked tab' : 'any ticked tab'} goes to{' '}
          {receivers.length === 0 ? 'no terminal yet (tick the tabs that should receive it)' : receivers.map((t) => t.title).join(', ')}.
        </div>
      )}
      <div className={`terminal-panes${split ? ' is-split' : ''}`}>
        {active && <TerminalPane key={active.tabId} tab={active} isFocused />}
        {split && <TerminalPane key={split.tabId} tab={split} isFocused={false} />}
      </div>
    </section>
  );
}
