/**
 * Logs and preflight through a real browser against the lab: the lab
 * profile imported, host keys trusted in their dialogs; the agent's log on
 * bai-a02 shows lines arriving live, search marks matches, the merged view
 * of every agent shows node badges, and bai-m1's preflight shows its table.
 * Screenshots: test-results/e2e/logs-*.png.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processesWith } from '../integration/logs/labLogStreams';
import { readLabInfo } from '../lab/labInfo';
import { screenshotTaker } from './support/screenshots';
import { openWebFormSession, trustHostKeysUntil, type WebFormSession } from './support/webFormSession';

const shot = screenshotTaker('logs');
let session: WebFormSession;
let web: WebFormSession['web'];
let page: Page;

beforeAll(async () => {
  session = await openWebFormSession('logs');
  ({ web, page } = session);
}, 60_000);

afterAll(async () => {
  await session?.close();
});

const tree = () => page.getByRole('tree', { name: 'Clusters' });

const lineCount = async () => Number(((await page.getByLabel('Line count').textContent()) ?? '0').replace(/[^\d].*$/, '').replace(/,/g, '') || 0);

describe('logs and preflight in the web form against the lab', () => {
  it('opens the agent log of bai-a02 and shows lines arriving live', async () => {
    await page.goto(web.url);
    await page.getByRole('heading', { name: 'No clusters yet' }).waitFor();
    await page.getByLabel('Cluster file to import').first().setInputFiles(path.join(readLabInfo().root, 'profile.json'));
    await page.getByRole('dialog', { name: 'Import a cluster file' }).getByRole('button', { name: 'Import' }).click();
    await page.getByRole('heading', { name: 'ClusterDeck lab', level: 1 }).waitFor();

    const node = tree().getByRole('treeitem', { name: 'Node bai-a02' });
    const nodeRowId = (await node.getAttribute('data-row-id')) ?? '';
    if ((await node.getAttribute('aria-expanded')) === 'false') await node.locator('.tree-twisty').click();
    await tree().locator(`[data-row-id="service:${nodeRowId.slice('node:'.length)}:agent"]`).click();
    await page.getByRole('heading', { name: 'Agent', level: 1 }).waitFor();
    await page.getByRole('toolbar', { name: 'Logs of Agent' }).getByRole('button', { name: 'Open logs' }).click();
    await page.getByRole('heading', { name: /Agent logs · bai-a02/ }).waitFor();

    await trustHostKeysUntil(page, 'the first log lines', async () => (await lineCount()) > 0);
    const first = await lineCount();
    // The lab's agent writes about 2 lines a second, and the view follows.
    await expect.poll(lineCount, { timeout: 15_000 }).toBeGreaterThan(first);
    expect(await page.locator('.log-node-states li[data-node="bai-a02"]').getAttribute('data-state')).toBe('running');
    expect(await page.locator('.log-node-states li[data-node="bai-a02"] .log-command').textContent()).toContain('journalctl --output short-iso -u backendai-agent.service -n 1000 -f');
    expect(await page.locator('.log-row').count()).toBeGreaterThan(5);
    await shot(page, 'live');

    await page.getByRole('log', { name: 'Log lines' }).press('Control+f');
    expect(await page.evaluate('document.activeElement?.getAttribute("aria-label")')).toBe('Search the log');
    await page.getByLabel('Search the log').fill('heartbeat');
    await expect.poll(() => page.locator('mark.log-match').count()).toBeGreaterThan(0);
    await page.getByLabel('Search the log').fill('ERROR');
    await page.getByRole('checkbox', { name: 'Only matches' }).check();
    await expect.poll(() => page.locator('mark.log-match').count()).toBeGreaterThan(0);
    expect(await page.getByLabel('Line count').textContent()).toMatch(/^[\d,]+ of [\d,]+ lines$/);
    await page.getByLabel('Minimum level').selectOption('error');
    await expect.poll(() => page.locator('.log-row-inner:not([data-level="error"]):not([data-level="critical"])').count()).toBe(0);
    const toggle = page.locator('.log-traceback-toggle').first();
    if (await toggle.isVisible().catch(() => false)) {
      await toggle.click();
      await page.getByRole('group', { name: 'Traceback' }).first().waitFor();
    }
    await shot(page, 'search-error-level');

    // Export writes what the view shows (the filtered lines) to a download.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export…' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^clusterdeck-ClusterDeck_lab-agent-bai-a02-\d{8}T\d{6}Z\.log$/);
    const exported = readFileSync(await download.path(), 'utf8').trimEnd().split('\n');
    expect(exported.length).toBeGreaterThan(0);
    expect(exported.filter((l) => / (ERROR|CRITICAL) /.test(l)).length).toBeGreaterThan(0);
    expect(exported.every((l) => /^\d{4}-\d{2}-\d{2}T[\d:.]+Z /.test(l))).toBe(true);
  });

  it('merges every agent with a badge per line', async () => {
    await page.getByRole('button', { name: 'ClusterDeck lab' }).first().click();
    const node = tree().getByRole('treeitem', { name: 'Node bai-a01' });
    const nodeRowId = (await node.getAttribute('data-row-id')) ?? '';
    if ((await node.getAttribute('aria-expanded')) === 'false') await node.locator('.tree-twisty').click();
    await tree().locator(`[data-row-id="service:${nodeRowId.slice('node:'.length)}:agent"]`).click();
    await page.getByRole('toolbar', { name: 'Logs of Agent' }).getByRole('button', { name: /^Logs of all \d nodes$/ }).click();
    await page.getByRole('heading', { name: /Agent logs · all nodes/ }).waitFor();
    await trustHostKeysUntil(page, 'lines from all three agents', async () => {
      const badges = await page.locator('.log-row .log-node').allTextContents();
      return ['bai-a01', 'bai-a02', 'bai-a03'].every((n) => badges.includes(n));
    });
    await shot(page, 'merged');
  });

  it('ends the remote journalctl -f when the log view is left', async () => {
    const following = ['journalctl', 'backendai-agent.service', '-n 1000', '-f'];
    expect(processesWith(following).length).toBeGreaterThan(0);
    await tree().getByRole('treeitem', { name: 'Node bai-m1' }).click();
    await page.getByRole('heading', { name: 'bai-m1', level: 1 }).waitFor();
    await expect.poll(() => processesWith(following).length, { timeout: 10_000 }).toBe(0);
  });

  it('shows the preflight tables of bai-m1 and the agent bai-a02', async () => {
    await page.getByRole('button', { name: 'Preflight' }).click();
    const table = page.getByRole('table', { name: 'Preflight of bai-m1' });
    await trustHostKeysUntil(page, 'the preflight table', () => table.isVisible());
    expect(await table.locator('tr[data-check="docker"]').getAttribute('data-status')).toBe('pass');
    expect(await table.locator('tr[data-check="docker"]').textContent()).toContain('24.0.7');
    expect(await table.locator('tr[data-check="docker-compose"]').getAttribute('data-status')).toBe('pass');
    await shot(page, 'preflight');

    await tree().getByRole('treeitem', { name: 'Node bai-a02' }).click();
    await page.getByRole('heading', { name: 'bai-a02', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Preflight' }).click();
    const agent = page.getByRole('table', { name: 'Preflight of bai-a02' });
    await trustHostKeysUntil(page, 'the agent\'s preflight table', () => agent.isVisible());
    expect(await agent.locator('tr[data-check="gpu"]').getAttribute('data-status')).toBe('pass');
    expect(await agent.locator('tr[data-check="gpu"]').textContent()).toContain('2 × NVIDIA A100 80GB PCIe');
    expect(await agent.locator('tr[data-check="nvidia-runtime"]').getAttribute('data-status')).toBe('pass');
    await shot(page, 'preflight-agent');
  });
});
