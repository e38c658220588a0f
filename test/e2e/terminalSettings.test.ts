/**
 * The terminal font size and scrollback survive a restart of the web form,
 * which comes back on another port (--port 0), so on another origin where
 * the page's localStorage would be empty: core keeps them in its store.
 * Screenshot: test-results/e2e/terminal-settings-*.png.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium } from 'playwright-core';
import { screenshotTaker } from './support/screenshots';
import { ensureWebFormBuilt, startWebForm, type WebFormProcess } from './support/webFormProcess';

const shot = screenshotTaker('terminal-settings');
let tmp: string;
let web: WebFormProcess | undefined;
let browser: Browser;

beforeAll(async () => {
  ensureWebFormBuilt();
  tmp = mkdtempSync(path.join(os.tmpdir(), 'cd-e2e-term-settings-'));
  // The flags of support/chromium.ts, plus no WebGL: xterm's DOM renderer styles its rows with the font size this test reads.
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-3d-apis', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
});

afterAll(async () => {
  await browser?.close();
  await web?.stop();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

async function openLocalShell(url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
  await page.goto(url);
  await page.getByRole('button', { name: 'Local shell', exact: true }).first().click();
  await page.getByRole('tab', { name: /\(local\) · connected/ }).waitFor({ timeout: 20_000 });
  return page;
}

describe('terminal settings in the web form', () => {
  it('keeps font size and scrollback across a restart on another port', { timeout: 90_000 }, async () => {
    const dataDir = path.join(tmp, 'data');
    web = await startWebForm(dataDir, { homeDir: tmp });
    const firstOrigin = web.origin;
    let page = await openLocalShell(web.url);
    await expect.poll(() => page.getByLabel('Font size').innerText()).toBe('13px');
    await page.getByRole('button', { name: 'Larger font' }).click();
    await page.getByRole('button', { name: 'Larger font' }).click();
    await page.getByRole('combobox').filter({ has: page.getByRole('option', { name: '50,000 lines' }) }).selectOption('50000');
    await expect.poll(() => page.getByLabel('Font size').innerText()).toBe('16px');
    // The saves are calls in flight; give them a moment before the process goes.
    await page.waitForTimeout(500);
    await page.close();
    await web.stop();

    web = await startWebForm(dataDir, { homeDir: tmp });
    expect(web.origin).not.toBe(firstOrigin);
    page = await openLocalShell(web.url);
    await expect.poll(() => page.getByLabel('Font size').innerText(), { timeout: 10_000 }).toBe('16px');
    expect(await page.getByRole('combobox').filter({ has: page.getByRole('option', { name: '50,000 lines' }) }).inputValue()).toBe('50000');
    // The terminal itself draws at that size, not only the toolbar label.
    await expect.poll(() => page.evaluate("getComputedStyle(document.querySelector('.terminal-pane .xterm-rows')).fontSize")).toBe('16px');
    await shot(page, 'after-restart');
    await page.close();
  });
});
