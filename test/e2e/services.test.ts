/**
 * Service status and control through a real browser against the lab:
 * `node dist/web/cli.js` on a temp data dir, the lab profile imported
 * through the file picker, host keys trusted in their dialogs. The tree
 * turns bai-a02's agent red when it is stopped and green when started; a
 * bulk restart of every agent shows one result row per node.
 * Screenshots: test-results/e2e/services-*.png.
 */
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readLabInfo } from '../lab/labInfo';
import { screenshotTaker } from './support/screenshots';
import { openWebFormSession, trustHostKeysUntil, type WebFormSession } from './support/webFormSession';

const shot = screenshotTaker('services');
let session: WebFormSession;
let web: WebFormSession['web'];
let page: Page;

beforeAll(async () => {
  session = await openWebFormSession('services');
  ({ web, page } = session);
}, 60_000);

afterAll(async () => {
  await session?.close();
});

const tree = () => page.getByRole('tree', { name: 'Clusters' });

async function serviceRow(nodeName: string, serviceId: string): Promise<Locator> {
  const node = tree().getByRole('treeitem', { name: `Node ${nodeName}` });
  const nodeRowId = (await node.getAttribute('data-row-id')) ?? '';
  if ((await node.getAttribute('aria-expanded')) === 'false') await node.locator('.tree-twisty').click();
  return tree().locator(`[data-row-id="service:${nodeRowId.slice('node:'.length)}:${serviceId}"]`);
}

const stateOf = async (row: Locator) => (await row.locator('[data-state]').getAttribute('data-state')) ?? '';

describe('services in the web form against the lab', () => {
  it('imports the lab profile and shows every service running after a refresh', async () => {
    await page.goto(web.url);
    await page.getByRole('heading', { name: 'No clusters yet' }).waitFor();
    await page.getByLabel('Cluster file to import').first().setInputFiles(path.join(readLabInfo().root, 'profile.json'));
    const dialog = page.getByRole('dialog', { name: 'Import a cluster file' });
    await dialog.getByRole('button', { name: 'Import' }).click();
    await page.getByRole('heading', { name: 'ClusterDeck lab', level: 1 }).waitFor();

    await page.getByRole('button', { name: 'Refresh status' }).click();
    const matrix = page.getByRole('table', { name: 'Services by node in ClusterDeck lab' });
    await trustHostKeysUntil(page, 'every service running', async () => (await matrix.locator('[data-state="running"]').count()) === 13);
    await page.getByRole('button', { name: 'Refresh status' }).waitFor();
    expect(await matrix.locator('[data-state]:not([data-state="running"])').count()).toBe(0);
    expect(await tree().getByRole('treeitem', { name: 'Cluster ClusterDeck lab' }).locator('[data-health]').getAttribute('data-health')).toBe('green');
    await shot(page, 'all-running');
  });

  it('turns bai-a02\'s agent red in the tree after stopping it, and green after starting it', async () => {
    const agent = await serviceRow('bai-a02', 'agent');
    await agent.click();
    await page.getByRole('heading', { name: 'Agent', level: 1 }).waitFor();
    await page.getByRole('toolbar', { name: 'Control Agent' }).getByRole('button', { name: 'Stop', exact: true }).click();
    const result = page.getByRole('dialog', { name: 'Stop Agent' });
    await result.getByText('$ sudo systemctl stop -- backendai-agent.service').waitFor();
    await expect.poll(() => stateOf(agent), { timeout: 30_000 }).toBe('stopped');
    expect(await agent.locator('.badge').getAttribute('class')).toContain('badge-failed');
    const cluster = tree().getByRole('treeitem', { name: 'Cluster ClusterDeck lab' });
    expect(await cluster.locator('[data-health]').getAttribute('data-health')).toBe('red');
    await shot(page, 'agent-stopped');
    await result.getByRole('button', { name: 'Close' }).click();

    await page.getByRole('toolbar', { name: 'Control Agent' }).getByRole('button', { name: 'Start', exact: true }).click();
    await expect.poll(() => stateOf(agent), { timeout: 30_000 }).toBe('running');
    expect(await agent.locator('.badge').getAttribute('class')).toContain('badge-ok');
    await page.getByRole('dialog', { name: 'Start Agent' }).getByText(/Exit code/).waitFor();
    await shot(page, 'agent-started');
    await page.getByRole('dialog', { name: 'Start Agent' }).getByRole('button', { name: 'Close' }).click();
    expect(await cluster.locator('[data-health]').getAttribute('data-health')).toBe('green');
  });

  it('restarts every agent at once and shows a result per node, with "retry failed"', async () => {
    // No sudo password is saved in this fresh data dir, so bai-a01 (sudo with password) fails and says why.
    await tree().getByRole('treeitem', { name: 'Cluster ClusterDeck lab' }).click();
    const matrix = page.getByRole('table', { name: 'Services by node in ClusterDeck lab' });
    await matrix.locator('tr[data-service="agent"]').getByRole('button', { name: 'Restart all…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Restart Agent on 3 nodes' });
    await dialog.getByText('bai-a03: sudo systemctl restart -- backendai-agent.service').waitFor();
    await dialog.getByRole('radio', { name: 'all at once' }).check();
    await shot(page, 'bulk-plan');
    await dialog.getByRole('button', { name: 'Restart', exact: true }).click();
    const grid = dialog.getByRole('table', { name: 'Result per node' });
    await expect.poll(() => grid.locator('tr[data-result="ok"], tr[data-result="failed"]').count(), { timeout: 60_000 }).toBe(3);
    for (const node of ['bai-a02', 'bai-a03']) {
      expect(await grid.locator(`tr[data-node="${node}"]`).getAttribute('data-result')).toBe('ok');
      expect(await grid.locator(`tr[data-node="${node}"]`).textContent()).toMatch(/^bai-a0\dAgentok0[\d.]+ srunning/);
    }
    const a01 = grid.locator('tr[data-node="bai-a01"]');
    expect(await a01.getAttribute('data-result')).toBe('failed');
    expect(await a01.textContent()).toMatch(/needs a password and none is saved/);
    await shot(page, 'bulk-results');

    await dialog.getByRole('button', { name: 'Retry failed (1)' }).click();
    await expect.poll(() => a01.getAttribute('data-result'), { timeout: 30_000 }).toBe('failed');
    await dialog.getByRole('button', { name: 'Retry failed (1)' }).waitFor();
    expect(await grid.locator('tr[data-result="ok"]').count()).toBe(2);
    await dialog.getByRole('button', { name: 'Close' }).click();
  });

  it('on a production cluster, runs an action only after the cluster\'s name is typed', async () => {
    await tree().getByRole('treeitem', { name: 'Cluster ClusterDeck lab' }).click();
    await page.getByRole('button', { name: 'Edit cluster' }).click();
    await page.getByRole('checkbox', { name: /Production cluster/ }).check();
    await page.getByRole('button', { name: 'Save cluster' }).click();
    await page.getByRole('heading', { name: 'ClusterDeck lab', level: 1 }).waitFor();

    await (await serviceRow('bai-a02', 'watcher')).click();
    await page.getByRole('heading', { name: 'Agent watcher', level: 1 }).waitFor();
    await page.getByRole('toolbar', { name: 'Control Agent watcher' }).getByRole('button', { name: 'Restart', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Restart Agent watcher' });
    await dialog.getByText('This is a production cluster: type its name to go ahead.').waitFor();
    const run = dialog.getByRole('button', { name: 'Restart', exact: true });
    expect(await run.isDisabled()).toBe(true);
    await dialog.getByLabel('Cluster name').fill('ClusterDeck');
    expect(await run.isDisabled()).toBe(true);
    await dialog.getByLabel('Cluster name').fill('ClusterDeck lab');
    await shot(page, 'production-confirm');
    await run.click();
    await dialog.getByText('$ sudo systemctl restart -- backendai-watcher.service').waitFor();
    await dialog.getByText(/Exit code/).waitFor();
    expect(await dialog.locator('[data-state]').last().getAttribute('data-state')).toBe('running');
    await shot(page, 'production-done');
    await dialog.getByRole('button', { name: 'Close' }).click();
  });

  it('scans bai-m1 from its node view and applies the proposal', async () => {
    await tree().getByRole('treeitem', { name: 'Node bai-m1' }).click();
    await page.getByRole('heading', { name: 'bai-m1', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Scan node' }).click();
    const proposal = page.getByLabel('Scan proposal');
    await proposal.getByText('Roles found: manager, webserver, storage-proxy, wsproxy, postgres, redis, etcd').waitFor({ timeout: 30_000 });
    expect(await proposal.getByText('postgres: container halfstack-db', { exact: false }).count()).toBe(1);
    await shot(page, 'scan-proposal');
    await proposal.getByRole('button', { name: 'Apply to bai-m1' }).click();
    await page.getByRole('status').filter({ hasText: 'Applied: bai-m1 now has the roles' }).waitFor();
    const services = page.getByRole('table', { name: 'Services on bai-m1' });
    expect(await services.locator('tr[data-service]').count()).toBe(7);
  });

  it('overrides a unit name for one node, sees it not installed after a refresh, and resets it', async () => {
    await (await serviceRow('bai-a02', 'watcher')).click();
    await page.getByRole('heading', { name: 'Agent watcher', level: 1 }).waitFor();
    await page.getByText('How it is installed').click();
    await page.getByLabel('Unit name').fill('backendai-watcher-old');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const saved = page.getByRole('list', { name: 'Saved settings' });
    await saved.getByText('watcher on bai-a02: unit backendai-watcher-old.service').waitFor();
    await tree().getByRole('treeitem', { name: 'Cluster ClusterDeck lab' }).click();
    await page.getByRole('button', { name: 'Refresh status' }).click();
    const watcher = await serviceRow('bai-a02', 'watcher');
    await expect.poll(() => watcher.locator('.badge').textContent(), { timeout: 30_000 }).toBe('unknown (not installed)');
    await shot(page, 'override-not-installed');

    await watcher.click();
    await page.getByText('How it is installed').click();
    await page.getByRole('list', { name: 'Saved settings' }).getByRole('button', { name: 'Reset' }).click();
    await page.getByRole('list', { name: 'Saved settings' }).waitFor({ state: 'detached' });
    await tree().getByRole('treeitem', { name: 'Cluster ClusterDeck lab' }).click();
    await page.getByRole('button', { name: 'Refresh status' }).click();
    await expect.poll(() => watcher.locator('.badge').textContent(), { timeout: 30_000 }).toBe('running');
  });
});
