/**
 * The node context menu of the tree (right-click or the context-menu key on a
 * node row): which node, and where on screen. Its entries open terminals.
 */
import { create } from 'zustand';

export interface NodeTerminalMenu {
  clusterId: string;
  nodeId: string;
  nodeName: string;
  x: number;
  y: number;
}

interface NodeTerminalMenuState {
  menu: NodeTerminalMenu | null;
  show(menu: NodeTerminalMenu): void;
  hide(): void;
}

export const useNodeTerminalMenuStore = create<NodeTerminalMenuState>((set) => ({
  menu: null,
  show: (menu) => set({ menu }),
  hide: () => set({ menu: null }),
}));
