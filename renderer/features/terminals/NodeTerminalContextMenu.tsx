/**
 * The tree's context menu for a node: Open terminal and the node's shortcuts,
 * at the pointer (or under the row for the keyboard's context-menu key).
 * Escape, a click elsewhere or a choice closes it.
 */
import { useEffect, useRef } from 'react';
import type { MouseEvent } from 'react';
import { useNodeTerminalMenuStore } from '../../stores/nodeTerminalMenuStore';
import { ShortcutMenuItems } from './ShortcutMenuItems';
import './terminals.css';

/** For the tree row's onContextMenu. */
export function showNodeTerminalMenu(event: MouseEvent<HTMLElement>, node: { clusterId: string; nodeId: string; nodeName: string }): void {
  event.preventDefault();
  const rect = event.currentTarget.getBoundingClientRect();
  // The context-menu key reports (0, 0): put the menu under the row instead.
  const byKeyboard = event.clientX === 0 && event.clientY === 0;
  useNodeTerminalMenuStore.getState().show({ ...node, x: byKeyboard ? rect.left + 24 : event.clientX, y: byKeyboard ? rect.bottom : event.clientY });
}

export function NodeTerminalContextMenu() {
  const menu = useNodeTerminalMenuStore((s) => s.menu);
  const hide = useNodeTerminalMenuStore((s) => s.hide);
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!menu) return;
    ref.current?.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus();
    const onPointer = (e: PointerEvent) => {
      if (!ref.current?.contains(e.target as Node)) hide();
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') hide();
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [menu, hide]);

  if (!menu) return null;
  return (
    <div ref={ref} className="terminal-menu terminal-context-menu" role="menu" aria-label={`Terminals on ${menu.nodeName}`} style={{ left: menu.x, top: menu.y }}>
      <ShortcutMenuItems key={menu.nodeId} clusterId={menu.clusterId} nodeId={menu.nodeId} withPlainTerminal onChosen={hide} />
    </div>
  );
}
