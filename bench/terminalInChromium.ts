/**
 * The terminal flood as an operator sees it: Chromium on the web form, a
 * terminal tab to the node, `cat FILE` typed into it, timed until the line
 * after it is on screen. Beside it, xterm.js alone in the same browser
 * parsing the same number of bytes (no SSH, no ClusterDeck): the ceiling
 * this machine's Chromium puts on any terminal. DOM renderer by default
 * (its rows are text the bench can read; WebGL here is software GL, far
 * slower than a GPU); CD_BENCH_WEBGL=1 uses WebGL and the tab's search box.
 */
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { watchEchoes, type EchoSample } from './terminalEchoInChromium';

export interface ChromiumFlood {
  seconds: number[];
  /** Seconds xterm.js alone took for the same bytes, in 64 KiB writes one after another. */
  xtermAloneSeconds: number;
  renderer: string;
  /** A '!' typed every ~300 ms while the file floods the tab (terminalEchoInChromium.ts). */
  echoes: EchoSample[];
}

const STEP_TIMEOUT_MS = 180_000;
const XTERM_UMD = path.resolve(__dirname, '..', 'node_modules', '@xterm', 'xterm', 'lib', 'xterm.js');

async function isOnScreen(page: Page, marker: string, renderer: string): Promise<boolean> {
  if (renderer === 'dom') return (await page.locator('.terminal-pane .xterm-rows').first().innerText()).includes(marker);
  const search = page.getByRole('searchbox', { name: 'Search scrollback' });
  await search.fill(marker);
  await search.press('Enter');
  await page.waitForTimeout(30);
  return !((await search.getAttribute('class')) ?? '').includes('is-not-found');
}

/** xterm.js on a blank page, fed 76-column lines in 64 KiB writes, each after the last one's callback. */
async function xtermAlone(browser: Browser, bytes: number): Promise<number> {
  const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
  try {
    await page.setContent('<div id="t" style="width:1300px;height:400px"></div>');
    await page.addScriptTag({ path: XTERM_UMD });
    // Passed as source text: tsx would wrap named functions in a __name() helper the page does not have.
    const seconds: unknown = await page.evaluate(`(async (total) => {
      const term = new Terminal({ scrollback: 10000 });
      term.open(document.getElementById('t'));
      const line = 'A'.repeat(76) + '\\r\\n';
      const chunk = line.repeat(Math.floor(65536 / line.length));
      const t0 = performance.now();
      let written = 0;
      await new Promise((resolve) => {
        function next() {
          if (written >= total) return resolve();
          written += chunk.length;
          term.write(chunk, next);
        }
        next();
      });
      return (performance.now() - t0) / 1000;
    })(${bytes})`);
    if (typeof seconds !== 'number') throw new Error('xterm.js alone returned no time');
    return seconds;
  } finally {
    await page.close();
  }
}

export async function floodInChromium(url: string, nodeName: string, file: string, fileBytes: number, rounds: number, webgl: boolean): Promise<ChromiumFlood> {
  // The flags of test/e2e/support/chromium.ts; without 3D APIs xterm uses its DOM renderer.
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', ...(webgl ? [] : ['--disable-3d-apis']), '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
    const echo = watchEchoes(page);
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
      let lastKey = performance.now();
      while (!(await isOnScreen(page, marker, renderer))) {
        if (performance.now() - t0 > STEP_TIMEOUT_MS) throw new Error(`Chromium did not show "${marker}" within ${STEP_TIMEOUT_MS} ms`);
        await page.waitForTimeout(100);
        // '!' is not in base64: its echo is the only one in the flood.
        if (performance.now() - lastKey > 300) {
          lastKey = performance.now();
          await echo.typeKey();
        }
      }
      seconds.push((performance.now() - t0) / 1000);
      echo.reset();
      // The typed '!'s wait as a command line: Ctrl-U drops them before the next round.
      await page.keyboard.press('Control+U');
    }
    await page.locator('.terminal-pane .xterm').first().click();
    await page.keyboard.type('exit\n');
    // The PTY turns each \n into \r\n: xterm alone gets as many bytes as the tab did.
    const xtermAloneSeconds = await xtermAlone(browser, Math.round(fileBytes * (78 / 77)));
    return { seconds, xtermAloneSeconds, renderer, echoes: echo.samples };
  } finally {
    await browser.close();
  }
}
