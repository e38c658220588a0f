/**
 * The terminal tabs: title (cluster / node) and connection state, a tick to
 * include the tab in broadcast input, close. Arrow keys move between tabs.
 */
import type { KeyboardEvent } from 'react';
import { useTerminalTabsStore, type TerminalTabState } from '../../stores/terminalTabsStore';
import { closeTab } from './terminalSessions';

const STATE_TEXT: Record<TerminalTabState, string> = {
  connecting: 'connecting',
  open: 'connected',
  lost: 'disconnected',
  exited: 'ended',
  failed: 'failed',
};

export function TerminalTabBar() {
  const { tabs, activeTabId, splitTabId, isBroadcasting, broadcastTabIds, activate, toggleBroadcastTab } = useTerminalTabsStore();

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    const index = tabs.findIndex((t) => t.tabId === activeTabId);
    const next = tabs[(index + (event.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length];
    if (next) activate(next.tabId);
  };

  return (
    <div className="terminal-tabs" role="tablist" aria-label="Terminals" onKeyDown={onKeyDown}>
      {tabs.map((tab) => {
        const isActive = tab.tabId === activeTabId;
        return (
          <div key={tab.tabId} className={`terminal-tab${isActive ? ' is-active' : ''}${tab.tabId === splitTabId ? ' is-split' : ''}`}>
            {isBroadcasting && (
              <input
                type="checkbox"
                aria-label={`Broadcast to ${tab.title}`}
                checked={broadcastTabIds.has(tab.tabId)}
                onChange={() => toggleBroadcastTab(tab.tabId)}
              />
            )}
            <button
              type="button"
              role="tab"
              aria-selected={isActive}
              tabIndex={isActive ? 0 : -1}
              className="terminal-tab-title"
              title={`${tab.title} (${STATE_TEXT[tab.state]})`}
              onClick={() => activate(tab.tabId)}
            >
              <span className={`terminal-state-dot state-${tab.state}`} aria-hidden="true" />
              {tab.title}
              <span className="terminal-tab-state"> · {STATE_TEXT[tab.state]}</span>
            </button>
            <button type="button" className="terminal-tab-close" aria-label={`Close terminal ${tab.title}`} onClick={() => closeTab(tab.tabId)}>
              ×
            </button>
          </div>
        );
      })}
    </div>
  );
}
