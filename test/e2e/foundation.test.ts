/**
 * The foundation through a real browser: `node dist/web/cli.js` on a temp
 * data dir, Chromium typing into the forms. Creates a cluster with two nodes,
 * finds them after a reload, exports the cluster, imports it under another
 * name, and checks field errors, keyboard navigation and the themes.
 * Screenshots: test-results/e2e/foundation-*.png.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/chromium';
import { screenshotTaker } from './support/screenshots';
import { ensureWebFormBuilt, startWebForm, type WebFormProcess } from './support/webFormProcess';

const shot = screenshotTaker('foundation');
let tmp: string;
let web: WebFormProcess;
let browser: Browser;
let page: Page;

const SSH_CONFIG = `Host bastion-acme
  HostName 127.0.0.8
  User jump

Host bai-s01
  HostName 127.0.0.7
  User lablup
  Port 2200
  IdentityFile ~/.ssh/acme_ed25519
  ProxyJump bastion-acme

Host *
  ServerAliveInterval 30
`;

beforeAll(async () => {
  ensureWebFormBuilt();
  tmp = mkdtempSync(path.join(os.tmpdir(), 'cd-e2e-foundation-'));
  const home = path.join(tmp, 'home');
  mkdirSync(path.join(home, '.ssh'), { recursive: true, mode: 0o700 });
  writeFileSync(path.join(home, '.ssh', 'config'), SSH_CONFIG, { mode: 0o600 });
  web = await startWebForm(path.join(tmp, 'data'), { homeDir: home });
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1360, height: 860 }, acceptDownloads: true, colorScheme: 'light' });
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await web?.stop();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

async function addNode(name: string, host: string, port: string, roles: RegExp[]): Promise<void> {
  await page.getByRole('button', { name: 'Add node', exact: true }).click();
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Host', { exact: true }).fill(host);
  await page.getByLabel('Port', { exact: true }).fill(port);
  for (const role of roles) await page.getByRole('checkbox', { name: role }).check();
}

describe('foundation in the web form', () => {
  it('opens on the printed URL, drops the token from the address bar and shows the first-run steps', async () => {
    expect(web.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{32}$/);
    await page.goto(web.url);
    await expect.poll(() => page.url()).toBe(`${web.origin}/`);
    await page.getByRole('heading', { name: 'No clusters yet' }).waitFor();
    for (const step of ['Add your first cluster', 'Import a cluster file', 'Import hosts from ~/.ssh/config']) {
      expect(await page.getByRole('button', { name: step }).isVisible()).toBe(true);
    }
    await shot(page, 'first-run');
  });

  it('creates a cluster through the form', async () => {
    await page.getByRole('button', { name: 'Add your first cluster' }).click();
    await page.getByLabel('Name', { exact: true }).fill('acme-prod');
    await page.getByLabel('Customer').fill('ACME Corp.');
    await page.getByLabel('Tags').fill('gpu, on-prem');
    await page.getByRole('checkbox', { name: /Production cluster/ }).check();
    await page.getByLabel('SSH user').fill('lablup');
    await page.getByLabel('Key path').fill('~/.ssh/acme_ed25519');
    await page.getByRole('button', { name: 'Add jump host' }).click();
    await page.getByLabel('Jump host 1', { exact: true }).fill('127.0.0.9');
    await page.getByLabel('Jump host 1 user').fill('jump');
    await shot(page, 'cluster-form');
    await page.getByRole('button', { name: 'Create cluster' }).click();
    await page.getByRole('heading', { name: 'acme-prod', level: 1 }).waitFor();
    expect(await page.getByText('jump@127.0.0.9').isVisible()).toBe(true);
  });

  it('adds two nodes, showing the field error for a bad port next to the port', async () => {
    await addNode('bai-m01', '127.0.0.5', '', [/^Manager/, /^PostgreSQL/, /^etcd/]);
    await page.getByRole('button', { name: 'Add node', exact: true }).last().click();
    await page.getByRole('table', { name: 'Nodes of acme-prod' }).waitFor();

    await addNode('bai-a01', '127.0.0.6', '70000', [/^Agent/]);
    await page.getByRole('form', { name: 'New node' }).getByRole('button', { name: 'Add node' }).click();
    const portError = page.getByRole('alert').filter({ hasText: 'A port is between 1 and 65535.' }).first();
    await portError.waitFor();
    // The message belongs to the Port input (aria-describedby), not just somewhere on the page.
    const port = page.getByLabel('Port', { exact: true });
    expect(await port.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await port.getAttribute('aria-describedby')) ?? '';
    expect(await page.locator(`[id="${describedBy.split(' ')[0]}"]`).textContent()).toBe('A port is between 1 and 65535.');
    await shot(page, 'node-port-error');

    await port.fill('2222');
    expect(await port.getAttribute('aria-invalid')).toBeNull();
    await page.getByRole('form', { name: 'New node' }).getByRole('button', { name: 'Add node' }).click();
    const nodes = page.getByRole('table', { name: 'Nodes of acme-prod' });
    await nodes.getByRole('row').filter({ hasText: 'bai-a01' }).waitFor();
    expect(await nodes.getByRole('row').filter({ hasText: '127.0.0.6:2222' }).count()).toBe(1);
    expect(await nodes.getByRole('row').filter({ hasText: '127.0.0.5:22' }).count()).toBe(1);
    await shot(page, 'cluster-with-nodes');
  });

  it('finds the cluster and both nodes again after a reload', async () => {
    await page.reload();
    const tree = page.getByRole('tree', { name: 'Clusters' });
    await tree.getByRole('treeitem', { name: 'Cluster acme-prod' }).waitFor();
    expect(await tree.getByRole('treeitem', { name: 'Node bai-m01' }).isVisible()).toBe(true);
    expect(await tree.getByRole('treeitem', { name: 'Node bai-a01' }).isVisible()).toBe(true);
    await shot(page, 'after-reload');
  });

  it('walks the tree with the keyboard: arrows move and expand, Enter opens', async () => {
    const tree = page.getByRole('tree', { name: 'Clusters' });
    await tree.getByRole('treeitem', { name: 'Cluster acme-prod' }).focus();
    await page.keyboard.press('ArrowDown');
    expect(await page.locator(':focus').getAttribute('aria-label')).toBe('Node bai-m01');
    await page.keyboard.press('ArrowRight');
    await tree.getByRole('treeitem', { name: 'Service Manager' }).waitFor();
    await page.keyboard.press('ArrowRight');
    expect(await page.locator(':focus').getAttribute('aria-label')).toBe('Service Manager');
    // The reload swept the saved clusters on launch; nothing listens on 127.0.0.5:22.
    await tree.getByRole('treeitem', { name: 'Service etcd' }).getByText('unknown (unreachable)').waitFor();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'bai-m01', level: 1 }).waitFor();
    // Only one row of the tree is in the tab order.
    expect(await tree.locator('[role="treeitem"][tabindex="0"]').count()).toBe(1);
    await shot(page, 'keyboard-node-view');
  });

  it('exports the cluster as a JSON file without secrets', async () => {
    await page.getByRole('tree', { name: 'Clusters' }).getByRole('treeitem', { name: 'Cluster acme-prod' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export' }).click()]);
    expect(download.suggestedFilename()).toBe('acme-prod.clusterdeck.json');
    const file = path.join(tmp, download.suggestedFilename());
    await download.saveAs(file);
    const exported = JSON.parse(readFileSync(file, 'utf8')) as {
      format: string;
      cluster: { name: string; isProduction: boolean; ssh: { jumpHosts: unknown[] } };
      nodes: { name: string; port?: number }[];
    };
    expect(exported.format).toBe('clusterdeck.cluster');
    expect(exported.cluster).toMatchObject({ name: 'acme-prod', isProduction: true, ssh: { jumpHosts: [{ host: '127.0.0.9', user: 'jump' }] } });
    expect(exported.nodes.map((n) => n.name).sort()).toEqual(['bai-a01', 'bai-m01']);
    expect(readFileSync(file, 'utf8')).not.toMatch(/password|passphrase|secret/i);
  });

  it('imports the exported file under another name; both clusters are in the tree', async () => {
    await page.getByLabel('Cluster file to import').setInputFiles(path.join(tmp, 'acme-prod.clusterdeck.json'));
    const dialog = page.getByRole('dialog', { name: 'Import a cluster file' });
    await dialog.getByLabel('Import as (new name)').fill('acme-staging');
    await shot(page, 'import-dialog');
    await dialog.getByRole('button', { name: 'Import' }).click();
    await page.getByRole('heading', { name: 'acme-staging', level: 1 }).waitFor();
    const tree = page.getByRole('tree', { name: 'Clusters' });
    expect(await tree.getByRole('treeitem', { name: 'Cluster acme-prod' }).count()).toBe(1);
    expect(await tree.getByRole('treeitem', { name: 'Cluster acme-staging' }).count()).toBe(1);
    expect(await tree.getByRole('treeitem', { name: 'Node bai-m01' }).count()).toBe(2);
    await shot(page, 'imported');
  });

  it('imports hosts from ~/.ssh/config as nodes, with the ProxyJump chain', async () => {
    await page.getByRole('button', { name: 'Import hosts from ~/.ssh/config' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import hosts into acme-staging' });
    await dialog.getByRole('checkbox', { name: 'Add bai-s01' }).waitFor();
    await dialog.getByRole('checkbox', { name: 'Add bastion-acme' }).uncheck();
    await shot(page, 'ssh-config-dialog');
    await dialog.getByRole('button', { name: 'Add 1 node' }).click();
    const nodes = page.getByRole('table', { name: 'Nodes of acme-staging' });
    await nodes.getByRole('row').filter({ hasText: 'bai-s01' }).waitFor();
    expect(await nodes.getByRole('row').filter({ hasText: '127.0.0.7:2200' }).count()).toBe(1);
  });

  it('asks before deleting, naming the cluster, and deletes only that one', async () => {
    await page.getByRole('toolbar', { name: 'Actions for acme-staging' }).getByRole('button', { name: 'Delete' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete cluster "acme-staging"?' });
    await dialog.waitFor();
    await shot(page, 'delete-confirm');
    await dialog.getByRole('button', { name: 'Delete acme-staging' }).click();
    const tree = page.getByRole('tree', { name: 'Clusters' });
    await tree.getByRole('treeitem', { name: 'Cluster acme-staging' }).waitFor({ state: 'detached' });
    expect(await tree.getByRole('treeitem', { name: 'Cluster acme-prod' }).count()).toBe(1);
  });

  it('lists every change in the activity view, with who made it', async () => {
    await page.getByRole('button', { name: 'Activity' }).click();
    const log = page.getByRole('table', { name: 'Activity log' });
    await log.getByRole('row').filter({ hasText: 'acme-staging' }).first().waitFor();
    expect(await log.getByRole('row').filter({ hasText: os.userInfo().username }).count()).toBeGreaterThanOrEqual(5);
    await shot(page, 'activity');
  });

  it('switches to the dark theme and remembers it across a reload', async () => {
    await page.getByRole('button', { name: 'Switch to dark theme' }).click();
    expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
    await page.reload();
    await page.getByRole('tree', { name: 'Clusters' }).getByRole('treeitem', { name: 'Cluster acme-prod' }).click();
    expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
    await shot(page, 'dark-theme');
  });

  it('says so when the server goes away, instead of failing silently', async () => {
    await web.stop();
    await page.getByRole('status').filter({ hasText: 'Lost the connection to ClusterDeck' }).waitFor();
    expect(await page.getByText('Not connected').isVisible()).toBe(true);
    await shot(page, 'connection-lost');
  });
});

describe('foundation: a database ClusterDeck cannot use', () => {
  it('shows only the store error screen, with the file path, and leaves the file untouched', async () => {
    const dataDir = path.join(tmp, 'corrupt-data');
    mkdirSync(dataDir, { recursive: true });
    const dbFile = path.join(dataDir, 'clusterdeck.db');
    const garbage = Buffer.from('this is not an SQLite database, but an operator would still want it back\n'.repeat(20));
    writeFileSync(dbFile, garbage);
    const broken = await startWebForm(dataDir);
    try {
      const p = await browser.newPage({ viewport: { width: 1360, height: 860 } });
      await p.goto(broken.url);
      const screen = p.getByRole('alert').filter({ has: p.getByRole('heading', { name: /cluster database/ }) });
      await screen.waitFor();
      expect(await screen.textContent()).toContain(dbFile);
      expect(await p.getByRole('tree').count()).toBe(0);
      expect(await p.getByRole('button', { name: /Add your first cluster/ }).count()).toBe(0);
      await shot(p, 'store-error');
      await p.close();
    } finally {
      await broken.stop();
    }
    expect(readFileSync(dbFile).equals(garbage)).toBe(true);
  });
});
