/**
 * The terminal flood as an operator sees it: Chromium on the web form, a
 * terminal tab to the node (xterm.js with its WebGL renderer, software GL
 * here), `cat FILE` typed into it. The end is found with the tab's own
 * scrollback search (WebGL draws no DOM text), asked every 250 ms.
 */
import type { Page } from 'playwright-core';
import { launchChromium } from '../test/e2e/support/chromium';

export interface ChromiumFlood {
  seconds: number[];
  renderer: string;
}

const STEP_TIMEOUT_MS = 180_000;

async function isOnScreen(page: Page, marker: string): Promise<boolean> {
  const search = page.getByRole('searchbox', { name: 'Search scrollback' });
  await search.fill(marker);
  await search.press('Enter');
  await page.waitForTimeout(30);
  return !((await search.getAttribute('class')) ?? '').includes('is-not-found');
}

export async function floodInChromium(url: string, nodeName: string, file: string, rounds: number): Promise<ChromiumFlood> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
    await page.goto(url);
    await page.getByRole('treeitem', { name: `Node ${nodeName}` }).click();
    await page.getByRole('button', { name: 'Open terminal', exact: true }).click();
    await page.getByRole('tab', { name: new RegExp(`${nodeName} · connected`) }).last().waitFor({ timeout: 30_000 });
    const renderer = (await page.locator('.terminal-pane .xterm-host').first().getAttribute('data-renderer')) ?? '?';
    const seconds: number[] = [];
    for (let round = 0; round < rounds; round++) {
      const marker = `end${round}x${42 + round}z`;
      await page.locator('.terminal-pane .xterm').first().click();
      // The typed line holds $((...)), not the marker itself: only the command's output matches.
      await page.keyboard.type(`cat ${file}; echo end${round}x$((${42 + round}))z`);
      const t0 = performance.now();
      await page.keyboard.press('Enter');
      while (!(await isOnScreen(page, marker))) {
        if (performance.now() - t0 > STEP_TIMEOUT_MS) throw new Error(`Chromium did not show "${marker}" within ${STEP_TIMEOUT_MS} ms`);
        await page.waitForTimeout(250);
      }
      seconds.push((performance.now() - t0) / 1000);
    }
    await page.locator('.terminal-pane .xterm').first().click();
    await page.keyboard.type('exit\n');
    return { seconds, renderer };
  } finally {
    await browser.close();
  }
}
