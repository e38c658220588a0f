/**
 * The multi-cluster home sweeps on launch: with the lab's cluster saved and
 * its host keys trusted, the web form is started again (core forgot every
 * status) and the home shows the cluster green without any click. Then a
 * confirmation the operator cancels (stop PostgreSQL) shows in the activity
 * log as cancelled, with nothing run. Last, with bai-a02's link cut, a
 * refresh is cancelled from its button: bai-a02 reads "check cancelled"
 * (not unreachable) and the view is free again (the link is restored in
 * finally). Screenshots: test-results/e2e/services-home-*.png.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cutOff, reconnect } from '../lab/faults';
import { readLabInfo } from '../lab/labInfo';
import { screenshotTaker } from './support/screenshots';
import { startWebForm, type WebFormProcess } from './support/webFormProcess';
import { openWebFormSession, trustHostKeysUntil, type WebFormSession } from './support/webFormSession';

const shot = screenshotTaker('services-home');
let session: WebFormSession;
let page: Page;
let relaunched: WebFormProcess | undefined;

beforeAll(async () => {
  session = await openWebFormSession('services-home');
  ({ page } = session);
}, 60_000);

afterAll(async () => {
  await relaunched?.stop();
  await session?.close();
});

describe('the home screen on launch', () => {
  it('sweeps every cluster once when the app starts, so health shows without a click', async () => {
    // First run: import the lab and trust its host keys (a person's one-time step).
    await page.goto(session.web.url);
    await page.getByRole('heading', { name: 'No clusters yet' }).waitFor();
    await page.getByLabel('Cluster file to import').first().setInputFiles(path.join(readLabInfo().root, 'profile.json'));
    await page.getByRole('dialog', { name: 'Import a cluster file' }).getByRole('button', { name: 'Import' }).click();
    await page.getByRole('heading', { name: 'ClusterDeck lab', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Refresh status' }).click();
    const matrix = page.getByRole('table', { name: 'Services by node in ClusterDeck lab' });
    await trustHostKeysUntil(page, 'every service running', async () => (await matrix.locator('[data-state="running"]').count()) === 13);

    // Launch again: a new core (no status kept) on the same data dir, a fresh page.
    await session.web.stop();
    relaunched = await startWebForm(path.join(session.tmp, 'data'), { homeDir: path.join(session.tmp, 'home') });
    await page.goto(relaunched.url);
    await page.getByRole('heading', { name: 'All clusters', level: 1 }).waitFor();
    const health = page.locator('td[data-health-of="ClusterDeck lab"]');
    // The cell reads "checking…" while the sweep runs, then the rollup's summary.
    await expect.poll(async () => (await health.textContent()) ?? '', { timeout: 45_000 }).toMatch(/13/);
    expect(await health.locator('[data-health]').getAttribute('data-health')).toBe('green');
    await shot(page, 'swept-on-launch');
    // No host-key or login question was raised for a sweep nobody asked for.
    expect(await page.getByRole('dialog').count()).toBe(0);
  }, 120_000);

  it('records a cancelled confirmation in the activity log, and runs nothing', async () => {
    const tree = page.getByRole('tree', { name: 'Clusters' });
    const node = tree.getByRole('treeitem', { name: 'Node bai-m1' });
    const nodeRowId = (await node.getAttribute('data-row-id')) ?? '';
    if ((await node.getAttribute('aria-expanded')) === 'false') await node.locator('.tree-twisty').click();
    await tree.locator(`[data-row-id="service:${nodeRowId.slice('node:'.length)}:postgres"]`).click();
    await page.getByRole('heading', { name: 'PostgreSQL', level: 1 }).waitFor();
    await page.getByRole('toolbar', { name: 'Control PostgreSQL' }).getByRole('button', { name: 'Down', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Stop PostgreSQL' });
    await dialog.getByText(/Stop in cluster ClusterDeck lab:/).waitFor();
    await shot(page, 'confirm-stop-postgres');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'Activity' }).click();
    const latest = page.getByRole('table', { name: 'Activity log' }).locator('tbody tr').first();
    await expect.poll(async () => (await latest.textContent()) ?? '', { timeout: 10_000 }).toMatch(/service\.stop.*PostgreSQL on bai-m1.*cancelled/);
    expect(await latest.locator('td[title]').getAttribute('title')).toMatch(/^Cancelled by the operator at a confirmation; nothing was run\./);
    await shot(page, 'activity-cancelled');
  }, 60_000);

  it('cancels a refresh that a hung node holds, from the button', async () => {
    const tree = page.getByRole('tree', { name: 'Clusters' });
    await tree.getByRole('treeitem', { name: 'Cluster ClusterDeck lab' }).click();
    await page.getByRole('heading', { name: 'ClusterDeck lab', level: 1 }).waitFor();
    const matrix = page.getByRole('table', { name: 'Services by node in ClusterDeck lab' });
    const a02Agent = matrix.locator('tr[data-service="agent"] td[data-node="bai-a02"] [data-state]');
    await cutOff('bai-a02');
    try {
      await page.getByRole('button', { name: 'Refresh status' }).click();
      const cancel = page.getByRole('button', { name: 'Cancel check' });
      await cancel.waitFor();
      await page.waitForTimeout(1_500); // the other nodes answer; bai-a02 hangs
      await cancel.click();
      await page.getByRole('button', { name: 'Refresh status' }).waitFor({ timeout: 3_000 });
      await expect.poll(() => a02Agent.textContent(), { timeout: 3_000 }).toBe('unknown (check cancelled)');
      expect(await matrix.locator('th').filter({ hasText: 'bai-a02' }).locator('[data-health]').getAttribute('aria-label')).not.toMatch(/unreachable/);
      expect(await matrix.locator('tr[data-service="agent"] td[data-node="bai-a01"] [data-state]').getAttribute('data-state')).toBe('running');
      await shot(page, 'sweep-cancelled');
    } finally {
      await reconnect('bai-a02');
    }
  }, 60_000);
});
