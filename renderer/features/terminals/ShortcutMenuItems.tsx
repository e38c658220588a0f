/**
 * The terminal entries for one node: a plain terminal, then its shortcuts
 * (container shell, journal follow, dbshell) from core's resolved services,
 * loaded when the menu opens. Shared by the node view and the tree's menu.
 */
import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { apiErrorOf } from '../../stores/apiErrorText';
import { openNodeTerminal } from './openNodeTerminal';
import { shortcutChoices, type ShortcutChoice } from './terminalShortcutChoices';

export function ShortcutMenuItems(props: { clusterId: string; nodeId: string; withPlainTerminal: boolean; onChosen(): void }) {
  const { clusterId, nodeId, onChosen } = props;
  const [choices, setChoices] = useState<ShortcutChoice[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let isCurrent = true;
    api()
      .getServices({ clusterId })
      .then((services) => isCurrent && setChoices(shortcutChoices(services.nodes.find((n) => n.nodeId === nodeId)?.services ?? [])))
      .catch((err: unknown) => isCurrent && setError(apiErrorOf(err).message));
    return () => {
      isCurrent = false;
    };
  }, [clusterId, nodeId]);

  const item = (key: string, label: string, open: () => void) => (
    <button
      key={key}
      type="button"
      role="menuitem"
      className="terminal-menu-item"
      onClick={() => {
        onChosen();
        open();
      }}
    >
      {label}
    </button>
  );
  return (
    <>
      {props.withPlainTerminal && item('plain', 'Open terminal', () => openNodeTerminal(nodeId))}
      {error && <div className="form-error">{error}</div>}
      {!error && !choices && <div className="muted-block">Loading shortcuts…</div>}
      {choices?.length === 0 && <div className="muted-block">No shortcuts: this node has no service roles.</div>}
      {choices?.map((choice) => item(choice.label, choice.label, () => openNodeTerminal(nodeId, choice.command)))}
    </>
  );
}
