import { describe, expect, it } from 'vitest';
import type { ServiceEntry } from '../../../common/contract/schemas/services';
import { shortcutChoices } from '../../../renderer/features/terminals/terminalShortcutChoices';
import { inputTargets, targetOfTerminal, useTerminalTabsStore, type TerminalTab } from '../../../renderer/stores/terminalTabsStore';

const tab = (tabId: string, state: TerminalTab['state'] = 'open'): TerminalTab => ({
  tabId,
  target: { kind: 'remote', nodeId: `node-${tabId}` },
  title: `lab / ${tabId}`,
  state,
  message: null,
  terminalId: state === 'open' ? `term-${tabId}` : null,
});

describe('terminal tabs', () => {
  it('sends typing only to its own tab while broadcast is off', () => {
    const state = { tabs: [tab('a'), tab('b')], isBroadcasting: false, broadcastTabIds: new Set(['a', 'b']) };
    expect(inputTargets(state, 'a').map((t) => t.tabId)).toEqual(['a']);
  });

  it('broadcasts to the ticked, connected tabs, and not from an unticked one', () => {
    const state = { tabs: [tab('a'), tab('b'), tab('c'), tab('d', 'lost')], isBroadcasting: true, broadcastTabIds: new Set(['a', 'b', 'd']) };
    expect(inputTargets(state, 'a').map((t) => t.tabId)).toEqual(['a', 'b']);
    expect(inputTargets(state, 'c').map((t) => t.tabId)).toEqual(['c']);
  });

  it('restores a listed terminal as a tab that reconnects to the same node and shortcut', () => {
    const journal = { kind: 'journal', serviceId: 'manager' } as const;
    expect(targetOfTerminal({ kind: 'remote', nodeId: 'm1', shortcut: journal })).toEqual({ kind: 'remote', nodeId: 'm1', command: journal });
    expect(targetOfTerminal({ kind: 'remote', nodeId: 'm1', shortcut: null })).toEqual({ kind: 'remote', nodeId: 'm1' });
    expect(targetOfTerminal({ kind: 'local', nodeId: null, shortcut: null })).toEqual({ kind: 'local' });
  });

  it('moves to a neighbour and drops split and broadcast when a tab closes', () => {
    const store = useTerminalTabsStore;
    for (const id of ['a', 'b', 'c']) store.getState().addTab(tab(id));
    store.getState().activate('b');
    store.getState().setSplit('c');
    store.getState().toggleBroadcastTab('b');
    store.getState().setBroadcasting(true);
    store.getState().removeTab('b');
    expect(store.getState()).toMatchObject({ activeTabId: 'c', splitTabId: null, isBroadcasting: false });
    store.getState().setSplit('a');
    store.getState().removeTab('a');
    expect(store.getState()).toMatchObject({ activeTabId: 'c', splitTabId: null, tabs: [expect.objectContaining({ tabId: 'c' })] });
  });
});

describe('terminal shortcut choices of a node', () => {
  it('offers container shells, journals and dbshell from the node services', () => {
    const base = { nodeId: 'n', tier: 0, critical: false, optional: false };
    const services: ServiceEntry[] = [
      { ...base, id: 'manager', role: 'manager', label: 'Manager', kind: 'systemd', unit: 'backendai-manager.service' },
      { ...base, id: 'postgres', role: 'postgres', label: 'PostgreSQL', kind: 'compose', halfstackDir: '/h', composeFile: 'f.yaml', composeProject: 'halfstack', containerPatterns: ['halfstack-db'] },
    ];
    expect(shortcutChoices(services)).toEqual([
      { label: 'Shell in PostgreSQL container', command: { kind: 'container-shell', serviceId: 'postgres' } },
      { label: 'Follow backendai-manager journal', command: { kind: 'journal', serviceId: 'manager' } },
      { label: 'Database shell (backend.ai mgr dbshell)', command: { kind: 'dbshell' } },
    ]);
    expect(shortcutChoices(services.slice(1)).map((c) => c.command.kind)).toEqual(['container-shell']);
  });
});
