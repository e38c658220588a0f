/**
 * "Open terminal" for a node's view, with the node's shortcuts (container
 * shell, journal follow, dbshell) in a menu beside it.
 */
import { useState } from 'react';
import { openNodeTerminal } from './openNodeTerminal';
import { ShortcutMenuItems } from './ShortcutMenuItems';
import './terminals.css';

export function OpenTerminalMenu({ clusterId, nodeId, nodeName }: { clusterId: string; nodeId: string; nodeName: string }) {
  const [isOpen, setOpen] = useState(false);
  return (
    <span className="terminal-open-menu">
      <button type="button" className="button" onClick={() => openNodeTerminal(nodeId)}>
        Open terminal
      </button>
      <button type="button" className="button" aria-haspopup="menu" aria-expanded={isOpen} aria-label={`Terminal shortcuts for ${nodeName}`} onClick={() => setOpen(!isOpen)}>
        Shortcuts ▾
      </button>
      {isOpen && (
        <div className="terminal-menu" role="menu" aria-label={`Terminal shortcuts for ${nodeName}`} onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}>
          <ShortcutMenuItems clusterId={clusterId} nodeId={nodeId} withPlainTerminal={false} onChosen={() => setOpen(false)} />
        </div>
      )}
    </span>
  );
}
