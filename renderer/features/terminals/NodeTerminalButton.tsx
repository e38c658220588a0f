/** The tree's quick way to a shell: a small button on a node row (click only; the row keeps its own keys). */
import { openNodeTerminal } from './openNodeTerminal';
import './terminals.css';

export function NodeTerminalButton({ nodeId, nodeName }: { nodeId: string; nodeName: string }) {
  return (
    <button
      type="button"
      className="tree-terminal-button"
      aria-label={`Open terminal to ${nodeName}`}
      title={`Open terminal to ${nodeName}`}
      tabIndex={-1}
      onClick={(e) => {
        e.stopPropagation();
        openNodeTerminal(nodeId);
      }}
    >
      &gt;_
    </button>
  );
}
