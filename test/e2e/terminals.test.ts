/**
 * Terminals through a real browser: the web form with the lab cluster
 * imported (its host keys pre-trusted in the test HOME's known_hosts),
 * Chromium opening a terminal to bai-m1 from the node's view, typing
 * `hostname`, then the PostgreSQL container shell shortcut running psql.
 * Chromium runs with WebGL off (--disable-3d-apis): the terminals must fall
 * back to xterm's DOM renderer, whose rows are text this test can read.
 * Screenshots: test-results/e2e/terminals-*.png.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { readLabInfo } from '../lab/labInfo';
import { chromium } from 'playwright-core';
import { launchChromium } from './support/chromium';
import { screenshotTaker } from './support/screenshots';
import { ensureWebFormBuilt, startWebForm, type WebFormProcess } from './support/webFormProcess';

const shot = screenshotTaker('terminals');
let tmp: string;
let web: WebFormProcess;
let browser: Browser;
let page: Page;

/** One call over the web form's own /rpc socket, as the page makes them (token + Origin). */
function callWebForm(method: string, input: unknown): Promise<unknown> {
  const url = new URL(web.url);
  const ws = new WebSocket(`ws://${url.host}/rpc?token=${url.searchParams.get('token') ?? ''}`, { origin: web.origin });
  return new Promise((resolve, reject) => {
    ws.on('open', () => ws.send(JSON.stringify({ t: 'call', id: 1, method, input })));
    ws.on('message', (data: Buffer) => {
      const msg = JSON.parse(data.toString()) as { t: string; result?: { ok: boolean; value?: unknown; error?: unknown } };
      if (msg.t !== 'result') return;
      ws.close();
      if (msg.result?.ok) resolve(msg.result.value);
      else reject(new Error(JSON.stringify(msg.result?.error)));
    });
    ws.on('error', reject);
  });
}

/** The text on screen of the active terminal pane (xterm's DOM renderer rows). */
async function screenRows(pane: Locator): Promise<string[]> {
  return pane.locator('.xterm-rows > div').allInnerTexts();
}

async function waitForRow(pane: Locator, what: string, match: (rows: string[]) => boolean, timeoutMs = 15_000): Promise<void> {
  const started = Date.now();
  for (;;) {
    const rows = await screenRows(pane);
    if (match(rows.map((r) => r.replace(/\u00a0/g, ' ').trimEnd()))) return;
    if (Date.now() - started > timeoutMs) {
      await shot(page, 'failed');
      const renderer = await pane.locator('.xterm-host').getAttribute('data-renderer');
      throw new Error(`no ${what} on the terminal within ${timeoutMs} ms (${renderer ?? '?'} renderer); screen:\n${rows.join('\n')}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  ensureWebFormBuilt();
  const lab = readLabInfo();
  tmp = mkdtempSync(path.join(os.tmpdir(), 'cd-e2e-terminals-'));
  const home = path.join(tmp, 'home');
  mkdirSync(path.join(home, '.ssh'), { recursive: true, mode: 0o700 });
  // Trusted beforehand, as an operator who has ssh'd to these nodes: no host key dialog in this test.
  const knownHosts = lab.nodes.flatMap((n) => n.hostKeys.map((k) => `${n.host} ${k.type} ${k.publicKey}`)).join('\n');
  writeFileSync(path.join(home, '.ssh', 'known_hosts'), `${knownHosts}\n`, { mode: 0o600 });
  web = await startWebForm(path.join(tmp, 'data'), { homeDir: home });
  await callWebForm('importCluster', { json: JSON.stringify(lab.profile) });
  // The flags of support/chromium.ts, plus no WebGL.
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-3d-apis', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  const context = await browser.newContext({ viewport: { width: 1360, height: 900 }, colorScheme: 'dark' });
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await web?.stop();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('terminals in the web form', () => {
  it('opens a terminal to bai-m1 from its view and shows `hostname`', { timeout: 60_000 }, async () => {
    await page.goto(web.url);
    await page.getByRole('treeitem', { name: 'Node bai-m1' }).click();
    await page.getByRole('heading', { name: 'bai-m1', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Open terminal', exact: true }).click();
    const tab = page.getByRole('tab', { name: /ClusterDeck lab \/ bai-m1 · connected/ });
    await tab.waitFor({ timeout: 20_000 });
    const pane = page.locator('.terminal-pane').first();
    expect(await pane.locator('.xterm-host').getAttribute('data-renderer')).toBe('dom');
    await pane.locator('.xterm').click();
    await page.keyboard.type('hostname\n');
    await waitForRow(pane, 'the node name', (rows) => rows.some((r) => r.trim() === 'bai-m1'));
    await shot(page, 'hostname');
    // The tab survives navigating the tree.
    await page.getByRole('treeitem', { name: 'Node bai-a01' }).click();
    await page.getByRole('heading', { name: 'bai-a01', level: 1 }).waitFor();
    expect(await tab.isVisible()).toBe(true);
  });

  it('opens the PostgreSQL container shell shortcut on bai-m1 and runs psql', { timeout: 60_000 }, async () => {
    await page.getByRole('treeitem', { name: 'Node bai-m1' }).click();
    await page.getByRole('button', { name: 'Terminal shortcuts for bai-m1' }).click();
    await page.getByRole('menuitem', { name: /Shell in PostgreSQL container/i }).click();
    await page.getByRole('tab', { name: /bai-m1 · postgres shell · connected/ }).waitFor({ timeout: 20_000 });
    const pane = page.locator('.terminal-pane').first();
    await waitForRow(pane, 'the container prompt', (rows) => rows.some((r) => /root@[0-9a-f]{12}:\/#/.test(r)));
    await pane.locator('.xterm').click();
    await page.keyboard.type("psql -U postgres -c 'select 1'\n");
    // The lab's PostgreSQL asks for the password over TCP, like a halfstack without trust auth.
    await waitForRow(pane, 'the password prompt', (rows) => rows.some((r) => r.includes('Password for user postgres:')));
    await page.keyboard.type(`${readLabInfo().db.password}\n`);
    await waitForRow(pane, 'the query result', (rows) => rows.some((r) => r.trim() === '(1 row)'));
    await shot(page, 'psql');
    expect(await page.getByRole('tab').count()).toBe(2);
  });

  it('splits two node terminals side by side and broadcasts typing to both, with a warning', { timeout: 60_000 }, async () => {
    for (const node of ['bai-a01', 'bai-a02']) {
      await page.getByRole('treeitem', { name: `Node ${node}` }).click();
      await page.getByRole('heading', { name: node, level: 1 }).waitFor();
      await page.getByRole('button', { name: 'Open terminal', exact: true }).click();
      await page.getByRole('tab', { name: new RegExp(`ClusterDeck lab / ${node} · connected`) }).waitFor({ timeout: 20_000 });
    }
    await page.getByRole('button', { name: 'Split', exact: true }).click();
    const panes = page.locator('.terminal-pane');
    expect(await panes.count()).toBe(2);
    await page.getByRole('button', { name: 'Broadcast input' }).click();
    await page.getByRole('checkbox', { name: 'Broadcast to ClusterDeck lab / bai-a01' }).check();
    await page.getByRole('checkbox', { name: 'Broadcast to ClusterDeck lab / bai-a02' }).check();
    const warning = page.getByRole('alert').filter({ hasText: 'Broadcast is on' });
    await warning.waitFor();
    expect(await warning.textContent()).toContain('ClusterDeck lab / bai-a01, ClusterDeck lab / bai-a02');
    await panes.nth(0).locator('.xterm').click();
    await page.keyboard.type('hostname\n');
    await waitForRow(panes.nth(0), 'bai-a02 in the active pane', (rows) => rows.some((r) => r.trim() === 'bai-a02'));
    await waitForRow(panes.nth(1), 'bai-a01 in the split pane', (rows) => rows.some((r) => r.trim() === 'bai-a01'));
    await shot(page, 'broadcast');
    await page.getByRole('button', { name: 'Broadcast input' }).click();
    expect(await warning.count()).toBe(0);
  });

  it('opens a local shell, and brings every open terminal back as a tab after a reload', { timeout: 60_000 }, async () => {
    await page.getByRole('button', { name: 'Local shell', exact: true }).click();
    await page.getByRole('tab', { name: /\(local\) · connected/ }).waitFor({ timeout: 20_000 });
    const pane = page.locator('.terminal-pane').first();
    await pane.locator('.xterm').click();
    await page.keyboard.type('echo local-$((40+2))\n');
    await waitForRow(pane, 'the local echo', (rows) => rows.some((r) => r.trim() === 'local-42'));
    const titles = await page.getByRole('tab').allInnerTexts();
    expect(titles).toHaveLength(5);
    await page.reload();
    await expect.poll(async () => (await page.getByRole('tab').allInnerTexts()).sort(), { timeout: 15_000 }).toEqual([...titles].sort());
    const reattached = page.locator('.terminal-pane').first();
    await waitForRow(reattached, 'the reattach note', (rows) => rows.some((r) => r.includes('[reattached after a reload')));
    await reattached.locator('.xterm').click();
    await page.keyboard.type('echo still-$((6*7))\n');
    await waitForRow(reattached, 'the reattached shell answering', (rows) => rows.some((r) => r.trim() === 'still-42'));
    await shot(page, 'reattached');
  });

  it('reconnects a tab restored after the reload to its container shell, not to a plain shell on the node', { timeout: 60_000 }, async () => {
    await page.getByRole('tab', { name: /bai-m1 · postgres shell · connected/ }).click();
    const pane = page.locator('.terminal-pane').first();
    await pane.locator('.xterm').click();
    await page.keyboard.type('exit\n');
    await pane.getByRole('button', { name: 'Reconnect' }).click();
    await page.getByRole('tab', { name: /bai-m1 · postgres shell · connected/ }).waitFor({ timeout: 20_000 });
    // After the reconnect note: the container's prompt (root@<container id>), where a plain shell would show bai-m1's.
    await waitForRow(pane, 'the container prompt after reconnecting', (rows) => {
      const note = rows.findIndex((r) => r.includes('[reconnecting'));
      return note >= 0 && rows.slice(note + 1).some((r) => /root@[0-9a-f]{12}:\/#/.test(r));
    });
    await shot(page, 'reconnected-shortcut');
  });

  it('follows the manager journal from the tree context menu of bai-m1', { timeout: 60_000 }, async () => {
    await page.getByRole('treeitem', { name: 'Node bai-m1' }).click({ button: 'right' });
    const menu = page.getByRole('menu', { name: 'Terminals on bai-m1' });
    await menu.getByRole('menuitem', { name: 'Follow backendai-manager journal' }).click();
    expect(await menu.count()).toBe(0);
    await page.getByRole('tab', { name: /bai-m1 · journal backendai-manager · connected/ }).waitFor({ timeout: 20_000 });
    const pane = page.locator('.terminal-pane').first();
    await waitForRow(pane, 'manager log lines', (rows) => rows.some((r) => r.includes('ai.backend.manager')));
    await shot(page, 'journal');
  });
});

describe('terminals where the browser has WebGL', () => {
  it('draws with the WebGL renderer', { timeout: 60_000 }, async () => {
    const webglBrowser = await launchChromium();
    try {
      const p = await webglBrowser.newPage({ viewport: { width: 1100, height: 800 } });
      await p.goto(web.url);
      await p.getByRole('treeitem', { name: 'Node bai-m1' }).click();
      await p.getByRole('button', { name: 'Open terminal', exact: true }).click();
      // This page also takes over the terminals the other page has open: the new one is the last tab.
      await p.getByRole('tab', { name: /bai-m1 · connected/ }).last().waitFor({ timeout: 20_000 });
      expect(await p.locator('.terminal-pane .xterm-host').first().getAttribute('data-renderer')).toBe('webgl');
      await p.keyboard.type('echo drawn-by-$((6*7))\n');
      await new Promise((r) => setTimeout(r, 500));
      await shot(p, 'webgl');
      // A lost GL context (GPU reset, driver update): the DOM renderer takes over, then WebGL comes back.
      const host = p.locator('.terminal-pane .xterm-host').first();
      type GlCanvas = { getContext(kind: 'webgl2'): { getExtension(name: string): { loseContext(): void } | null } | null };
      const lost = await host.evaluate((el) => {
        for (const canvas of Array.from(el.querySelectorAll('canvas') as ArrayLike<GlCanvas>)) {
          const gl = canvas.getContext('webgl2');
          const ext = gl?.getExtension('WEBGL_lose_context');
          if (ext) {
            ext.loseContext();
            return true;
          }
        }
        return false;
      });
      expect(lost).toBe(true);
      await expect.poll(() => host.getAttribute('data-renderer'), { timeout: 10_000 }).toBe('dom');
      await expect.poll(() => host.getAttribute('data-renderer'), { timeout: 10_000 }).toBe('webgl');
      await p.keyboard.type('echo redrawn-after-context-loss\n');
      await new Promise((r) => setTimeout(r, 500));
      await shot(p, 'webgl-recovered');
    } finally {
      await webglBrowser.close();
    }
  });
});
