/**
 * Ties tabs to core terminals: opens, reconnects and closes them, sends input
 * (to several tabs while broadcasting), and writes pushed output straight into
 * each tab's xterm, acknowledging a batch in xterm's write callback, i.e. once
 * it is parsed, so main pauses the shell while the screen is behind.
 */
import type { TerminalData, TerminalExit } from '../../../common/contract/schemas/terminal';
import { api } from '../../api/client';
import { apiErrorOf } from '../../stores/apiErrorText';
import { inputTargets, targetOfTerminal, useTerminalTabsStore, type TerminalTarget } from '../../stores/terminalTabsStore';
import { createXtermInstance, type XtermInstance } from './xtermInstance';

/** writeTerminal takes at most 1 MiB; a bigger paste goes in pieces, in order. */
const MAX_INPUT_CHARS = 512 * 1024;

const instances = new Map<string, XtermInstance>();
const tabOfTerminal = new Map<string, string>();
// Output can arrive before openRemoteTerminal's answer names the terminal: held until then (unacked, so main pauses).
const early = new Map<string, { data: TerminalData[]; exit?: TerminalExit }>();
let nextTab = 1;
let isWatching = false;

const store = () => useTerminalTabsStore.getState();

function watchOutput(): void {
  if (isWatching) return;
  isWatching = true;
  api().on('terminal.data', (batch) => {
    const tabId = tabOfTerminal.get(batch.terminalId);
    if (tabId === undefined) {
      earlyOf(batch.terminalId).data.push(batch);
      return;
    }
    writeBatch(tabId, batch);
  });
  api().on('terminal.exit', (exit) => {
    const tabId = tabOfTerminal.get(exit.terminalId);
    if (tabId === undefined) {
      earlyOf(exit.terminalId).exit = exit;
      return;
    }
    endTab(tabId, exit);
  });
}

function earlyOf(terminalId: string) {
  let held = early.get(terminalId);
  if (!held) {
    early.set(terminalId, (held = { data: [] }));
    // Output of a terminal no tab claims (opened by another window) is dropped after a while.
    setTimeout(() => early.delete(terminalId), 30_000);
  }
  return held;
}

function writeBatch(tabId: string, batch: TerminalData): void {
  const instance = instances.get(tabId);
  if (!instance) return;
  instance.term.write(batch.data, () => {
    api()
      .ackTerminal({ terminalId: batch.terminalId, bytes: batch.bytes })
      .catch(() => undefined); // the terminal ended meanwhile
  });
}

function endTab(tabId: string, exit: TerminalExit): void {
  const tab = store().tabs.find((t) => t.tabId === tabId);
  if (tab?.terminalId === exit.terminalId) tabOfTerminal.delete(exit.terminalId);
  if (!tab || tab.terminalId !== exit.terminalId) return;
  const instance = instances.get(tabId);
  if (exit.reason === 'lost' || exit.reason === 'failed') {
    instance?.term.write(`\r\n\x1b[31m[connection lost]\x1b[0m\r\n`);
    store().updateTab(tabId, { state: exit.reason === 'lost' ? 'lost' : 'failed', message: exit.message ?? 'The connection to the node dropped.' });
    return;
  }
  const how = exit.reason === 'closed' ? 'closed' : exit.signal ? `ended by ${exit.signal}` : `exited with code ${String(exit.code ?? '?')}`;
  instance?.term.write(`\r\n\x1b[2m[${how}]\x1b[0m\r\n`);
  store().updateTab(tabId, { state: 'exited', message: `The shell ${how}.` });
}

function newTab(): string {
  const tabId = `tab-${nextTab++}`;
  const { fontSize, scrollback } = store();
  instances.set(tabId, createXtermInstance({ fontSize, scrollback }, { onInput: (data) => sendInput(tabId, data) }));
  return tabId;
}

/** Opens a new tab for the target and connects it. */
export function openTerminalTab(target: TerminalTarget, title: string): string {
  watchOutput();
  const tabId = newTab();
  store().addTab({ tabId, target, title, state: 'connecting', message: null, terminalId: null });
  void connectTab(tabId);
  return tabId;
}

let hasAdopted = false;

/**
 * After a reload of the web form, core still runs the terminals the page had
 * open: they come back as tabs (their earlier output is gone) instead of
 * holding SSH channels that no tab can close.
 */
export async function adoptOpenTerminals(): Promise<void> {
  if (hasAdopted) return;
  hasAdopted = true;
  watchOutput();
  const open = await api()
    .listTerminals({})
    .catch(() => []);
  for (const info of open) {
    if (tabOfTerminal.has(info.terminalId)) continue;
    const tabId = newTab();
    // With its shortcut: Reconnect opens the same container shell, journal or dbshell again.
    const target = targetOfTerminal(info);
    tabOfTerminal.set(info.terminalId, tabId);
    store().addTab({ tabId, target, title: info.title, state: 'open', message: null, terminalId: info.terminalId });
    instances.get(tabId)?.term.write('\x1b[2m[reattached after a reload: earlier output is not kept]\x1b[0m\r\n');
    const held = early.get(info.terminalId);
    early.delete(info.terminalId);
    for (const batch of held?.data ?? []) writeBatch(tabId, batch);
    if (held?.exit) endTab(tabId, held.exit);
  }
}

/** Reconnect after a lost connection or an exit: a new core terminal in the same tab and scrollback. */
export function reconnectTab(tabId: string): void {
  instances.get(tabId)?.term.write('\r\n\x1b[2m[reconnecting…]\x1b[0m\r\n');
  void connectTab(tabId);
}

async function connectTab(tabId: string): Promise<void> {
  const tab = store().tabs.find((t) => t.tabId === tabId);
  const instance = instances.get(tabId);
  if (!tab || !instance) return;
  store().updateTab(tabId, { state: 'connecting', message: null, terminalId: null });
  const size = instance.fit() ?? { cols: instance.term.cols, rows: instance.term.rows };
  try {
    let terminalId: string;
    let title = tab.title;
    if (tab.target.kind === 'local') {
      terminalId = (await api().openLocalTerminal(size)).terminalId;
      title = (await api().listTerminals({})).find((t) => t.terminalId === terminalId)?.title ?? title;
    } else {
      const opened = await api().openRemoteTerminal({ nodeId: tab.target.nodeId, ...size, ...(tab.target.command ? { command: tab.target.command } : {}) });
      terminalId = opened.terminalId;
      title = opened.title;
    }
    if (!instances.has(tabId)) {
      void api().closeTerminal({ terminalId }); // the tab was closed while it connected
      return;
    }
    tabOfTerminal.set(terminalId, tabId);
    store().updateTab(tabId, { state: 'open', terminalId, title });
    const held = early.get(terminalId);
    early.delete(terminalId);
    for (const batch of held?.data ?? []) writeBatch(tabId, batch);
    if (held?.exit) endTab(tabId, held.exit);
    // The pane may have changed size while connecting.
    resizeTab(tabId);
  } catch (err) {
    const message = apiErrorOf(err).message;
    instance.term.write(`\r\n\x1b[31m${message}\x1b[0m\r\n`);
    store().updateTab(tabId, { state: 'failed', message });
  }
}

export function closeTab(tabId: string): void {
  const tab = store().tabs.find((t) => t.tabId === tabId);
  if (tab?.terminalId) {
    tabOfTerminal.delete(tab.terminalId);
    void api().closeTerminal({ terminalId: tab.terminalId }).catch(() => undefined);
  }
  instances.get(tabId)?.dispose();
  instances.delete(tabId);
  store().removeTab(tabId);
}

export function sendInput(fromTabId: string, data: string): void {
  for (const target of inputTargets(store(), fromTabId)) {
    const terminalId = target.terminalId;
    if (terminalId === null) continue;
    for (let i = 0; i < data.length; i += MAX_INPUT_CHARS) {
      void api()
        .writeTerminal({ terminalId, data: data.slice(i, i + MAX_INPUT_CHARS) })
        .catch(() => undefined); // an ended terminal: its tab already says so
    }
  }
}

/** Fit xterm to its pane and tell the shell (SIGWINCH on the node). */
export function resizeTab(tabId: string): void {
  const instance = instances.get(tabId);
  const size = instance?.fit();
  const terminalId = store().tabs.find((t) => t.tabId === tabId)?.terminalId;
  if (size && terminalId) void api().resizeTerminal({ terminalId, ...size }).catch(() => undefined);
}

export const instanceOf = (tabId: string): XtermInstance | undefined => instances.get(tabId);

/** Font size and scrollback apply to every open terminal. */
export function applyDisplaySettings(fontSize: number, scrollback: number): void {
  for (const [tabId, instance] of instances) {
    instance.term.options.fontSize = fontSize;
    instance.term.options.scrollback = scrollback;
    resizeTab(tabId);
  }
}
