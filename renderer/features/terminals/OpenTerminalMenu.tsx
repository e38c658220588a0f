/**
 * "Open terminal" for a node's view, with the node's shortcuts (container
 * shell, journal follow, dbshell) in a menu; the choices come from core's
 * resolved services of the node, loaded when the menu opens.
 */
import { useState } from 'react';
import { api } from '../../api/client';
import { apiErrorOf } from '../../stores/apiErrorText';
import { openNodeTerminal } from './openNodeTerminal';
import './terminals.css';
import { shortcutChoices, type ShortcutChoice } from './terminalShortcutChoices';

export function OpenTerminalMenu({ clusterId, nodeId, nodeName }: { clusterId: string; nodeId: string; nodeName: string }) {
  const [choices, setChoices] = useState<ShortcutChoice[] | null>(null);
  const [isOpen, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const toggle = () => {
    setOpen(!isOpen);
    if (isOpen || choices) return;
    api()
      .getServices({ clusterId })
      .then((services) => setChoices(shortcutChoices(services.nodes.find((n) => n.nodeId === nodeId)?.services ?? [])))
      .catch((err: unknown) => setError(apiErrorOf(err).message));
  };

  return (
    <span className="terminal-open-menu">
      <button type="button" className="button" onClick={() => openNodeTerminal(nodeId)}>
        Open terminal
      </button>
      <button type="button" className="button" aria-haspopup="menu" aria-expanded={isOpen} aria-label={`Terminal shortcuts for ${nodeName}`} onClick={toggle}>
        Shortcuts ▾
      </button>
      {isOpen && (
        <div className="terminal-menu" role="menu" aria-label={`Terminal shortcuts for ${nodeName}`} onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}>
          {error && <div className="form-error">{error}</div>}
          {!error && !choices && <div className="muted-block">Loading services…</div>}
          {choices?.length === 0 && <div className="muted-block">No shortcuts: this node has no service roles.</div>}
          {choices?.map((choice) => (
            <button
              key={choice.label}
              type="button"
              role="menuitem"
              className="terminal-menu-item"
              onClick={() => {
                setOpen(false);
                openNodeTerminal(nodeId, choice.command);
              }}
            >
              {choice.label}
            </button>
          ))}
        </div>
      )}
    </span>
  );
}
