/**
 * One e2e file's world: the web form on a temp data dir with an empty
 * ~/.ssh, and a Chromium page on it; plus answering the host-key dialogs a
 * first connection to the lab raises.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium';
import { ensureWebFormBuilt, startWebForm, type WebFormProcess } from './webFormProcess';

export interface WebFormSession {
  tmp: string;
  web: WebFormProcess;
  browser: Browser;
  page: Page;
  close(): Promise<void>;
}

export async function openWebFormSession(name: string, viewport = { width: 1500, height: 900 }): Promise<WebFormSession> {
  ensureWebFormBuilt();
  const tmp = mkdtempSync(path.join(os.tmpdir(), `cd-e2e-${name}-`));
  const home = path.join(tmp, 'home');
  mkdirSync(path.join(home, '.ssh'), { recursive: true, mode: 0o700 });
  const web = await startWebForm(path.join(tmp, 'data'), { homeDir: home });
  const browser = await launchChromium();
  const context = await browser.newContext({ viewport, colorScheme: 'light' });
  const page = await context.newPage();
  return {
    tmp,
    web,
    browser,
    page,
    async close() {
      await browser.close();
      await web.stop();
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}

/** Answers host-key dialogs ("Trust and remember") until `done` holds; bounded. */
export async function trustHostKeysUntil(page: Page, what: string, done: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await done()) return;
    const prompt = page.getByRole('dialog', { name: /^Trust the / });
    if (await prompt.isVisible().catch(() => false)) await prompt.getByRole('button', { name: 'Trust and remember' }).click();
    else await page.waitForTimeout(200);
  }
  throw new Error(`Timed out waiting for ${what} (a host key prompt still open?).`);
}
