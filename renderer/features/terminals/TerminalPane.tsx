/**
 * One visible terminal: hosts the tab's xterm element, keeps it fitted to the
 * pane (the shell hears every size change), and shows a banner when the
 * connection was lost or the shell ended, with Reconnect.
 */
import { useEffect, useRef } from 'react';
import type { TerminalTab } from '../../stores/terminalTabsStore';
import { closeTab, instanceOf, reconnectTab, resizeTab } from './terminalSessions';

export function TerminalPane({ tab, isFocused }: { tab: TerminalTab; isFocused: boolean }) {
  const hostRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const host = hostRef.current;
    const instance = instanceOf(tab.tabId);
    if (!host || !instance) return;
    host.appendChild(instance.element);
    resizeTab(tab.tabId);
    let frame = 0;
    const observer = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => resizeTab(tab.tabId));
    });
    observer.observe(host);
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame);
      // Taken out, not disposed: the terminal lives on in its tab.
      if (instance.element.parentElement === host) host.removeChild(instance.element);
    };
  }, [tab.tabId]);

  useEffect(() => {
    if (isFocused) instanceOf(tab.tabId)?.term.focus();
  }, [isFocused, tab.tabId]);

  const isEnded = tab.state === 'lost' || tab.state === 'failed' || tab.state === 'exited';
  return (
    <div className="terminal-pane" data-state={tab.state}>
      {isEnded && (
        <div className={`terminal-banner ${tab.state === 'exited' ? 'is-info' : 'is-error'}`} role="alert">
          <span>
            {tab.state === 'lost' ? 'Disconnected. ' : tab.state === 'failed' ? 'Could not open the terminal. ' : ''}
            {tab.message}
          </span>
          <button type="button" className="button primary" onClick={() => reconnectTab(tab.tabId)}>
            Reconnect
          </button>
          <button type="button" className="button" onClick={() => closeTab(tab.tabId)}>
            Close tab
          </button>
        </div>
      )}
      {tab.state === 'connecting' && <div className="terminal-banner is-info">Connecting…</div>}
      <div className="terminal-host" ref={hostRef} aria-label={`Terminal ${tab.title}`} />
    </div>
  );
}
