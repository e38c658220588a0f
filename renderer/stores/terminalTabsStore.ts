/**
 * The terminal tabs as metadata: what each tab is connected to, its state
 * and title, which two are shown side by side, which take broadcast input,
 * and the display settings (saved in core by terminalSettingsSync.ts). Never output: that goes straight into xterm
 * (renderer/features/terminals/terminalOutput.ts).
 */
import { create } from 'zustand';
import { DEFAULT_TERMINAL_SETTINGS, type TerminalInfo, type TerminalShortcut } from '../../common/contract/schemas/terminal';

export type TerminalTabState = 'connecting' | 'open' | 'lost' | 'exited' | 'failed';

/** What a tab opens, again on Reconnect. */
export type TerminalTarget = { kind: 'local' } | { kind: 'remote'; nodeId: string; command?: TerminalShortcut };

/** What a tab restored from listTerminals (after a reload) reconnects to: the same node and shortcut. */
export function targetOfTerminal(info: Pick<TerminalInfo, 'kind' | 'nodeId' | 'shortcut'>): TerminalTarget {
  if (info.kind !== 'remote' || info.nodeId === null) return { kind: 'local' };
  return info.shortcut ? { kind: 'remote', nodeId: info.nodeId, command: info.shortcut } : { kind: 'remote', nodeId: info.nodeId };
}

export interface TerminalTab {
  tabId: string;
  target: TerminalTarget;
  /** "ClusterDeck lab / bai-m1", "bash (local)". */
  title: string;
  state: TerminalTabState;
  /** Why it ended or failed, for the banner in the tab. */
  message: string | null;
  /** The core terminal behind the tab; a reconnect gives a new one. */
  terminalId: string | null;
}

export const FONT_SIZES = [10, 11, 12, 13, 14, 16, 18, 20, 24] as const;
export const SCROLLBACK_CHOICES = [1000, 5000, 10_000, 50_000] as const;

interface TerminalTabsState {
  tabs: TerminalTab[];
  activeTabId: string | null;
  /** The tab active before the current one: what Split puts beside it. */
  previousTabId: string | null;
  /** The tab shown to the right of the active one, or null for a single pane. */
  splitTabId: string | null;
  /** Tabs that receive what is typed into any of them while broadcast is on. */
  broadcastTabIds: ReadonlySet<string>;
  isBroadcasting: boolean;
  isDockOpen: boolean;
  fontSize: number;
  scrollback: number;
  /** Why the last font size or scrollback change was not saved for the next start, or null. */
  settingsError: string | null;
  addTab(tab: TerminalTab): void;
  updateTab(tabId: string, patch: Partial<Omit<TerminalTab, 'tabId'>>): void;
  removeTab(tabId: string): void;
  activate(tabId: string): void;
  setSplit(tabId: string | null): void;
  toggleBroadcastTab(tabId: string): void;
  setBroadcasting(on: boolean): void;
  setDockOpen(open: boolean): void;
}

export const useTerminalTabsStore = create<TerminalTabsState>((set) => ({
  tabs: [],
  activeTabId: null,
  previousTabId: null,
  splitTabId: null,
  broadcastTabIds: new Set<string>(),
  isBroadcasting: false,
  isDockOpen: true,
  fontSize: DEFAULT_TERMINAL_SETTINGS.fontSize,
  scrollback: DEFAULT_TERMINAL_SETTINGS.scrollback,
  settingsError: null,
  addTab(tab) {
    set((s) => ({ tabs: [...s.tabs, tab], activeTabId: tab.tabId, previousTabId: s.activeTabId, isDockOpen: true }));
  },
  updateTab(tabId, patch) {
    set((s) => ({ tabs: s.tabs.map((t) => (t.tabId === tabId ? { ...t, ...patch } : t)) }));
  },
  removeTab(tabId) {
    set((s) => {
      const index = s.tabs.findIndex((t) => t.tabId === tabId);
      const tabs = s.tabs.filter((t) => t.tabId !== tabId);
      const neighbour = tabs[Math.min(Math.max(index, 0), tabs.length - 1)]?.tabId ?? null;
      const broadcastTabIds = new Set(s.broadcastTabIds);
      broadcastTabIds.delete(tabId);
      const activeTabId = s.activeTabId === tabId ? neighbour : s.activeTabId;
      return {
        tabs,
        activeTabId,
        previousTabId: s.previousTabId === tabId || s.previousTabId === activeTabId ? null : s.previousTabId,
        // The split pane shows another tab than the active one, or none.
        splitTabId: s.splitTabId === tabId || s.splitTabId === activeTabId ? null : s.splitTabId,
        broadcastTabIds,
        isBroadcasting: s.isBroadcasting && broadcastTabIds.size > 0,
      };
    });
  },
  activate(tabId) {
    set((s) => ({
      activeTabId: tabId,
      previousTabId: s.activeTabId === tabId ? s.previousTabId : s.activeTabId,
      splitTabId: s.splitTabId === tabId ? null : s.splitTabId,
      isDockOpen: true,
    }));
  },
  setSplit(tabId) {
    set({ splitTabId: tabId });
  },
  toggleBroadcastTab(tabId) {
    set((s) => {
      const broadcastTabIds = new Set(s.broadcastTabIds);
      if (broadcastTabIds.has(tabId)) broadcastTabIds.delete(tabId);
      else broadcastTabIds.add(tabId);
      return { broadcastTabIds };
    });
  },
  setBroadcasting(on) {
    set({ isBroadcasting: on });
  },
  setDockOpen(open) {
    set({ isDockOpen: open });
  },
}));

/** The tabs typed input goes to: the broadcast set when on and this tab is in it, else just this tab. */
export function inputTargets(state: Pick<TerminalTabsState, 'tabs' | 'isBroadcasting' | 'broadcastTabIds'>, fromTabId: string): TerminalTab[] {
  const live = state.tabs.filter((t) => t.state === 'open' && t.terminalId !== null);
  if (state.isBroadcasting && state.broadcastTabIds.has(fromTabId)) return live.filter((t) => state.broadcastTabIds.has(t.tabId));
  return live.filter((t) => t.tabId === fromTabId);
}
