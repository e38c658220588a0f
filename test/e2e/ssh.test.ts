/**
 * The SSH engine through the web form and Chromium, against the lab: import
 * the lab profile, trust bai-m1's host key in the dialog (fingerprint checked
 * against lab.json), log in to bai-a02 with keyboard-interactive password +
 * verification code, save a sudo password as "saved" only, see a jump host
 * refused for a stale ~/.ssh/known_hosts line, and after rotating bai-a03's
 * host key see the changed-key view and replace the key;
 * then bulk re-key the cluster, and see the lines of ~/.ssh/known_hosts
 * (hashed, revoked, CA, unreadable) listed read-only beside the saved keys.
 * bai-a03's rotated key is not rotated back:
 * lab.json follows the new key, which is all other tests compare with.
 * Screenshots: test-results/e2e/ssh-*.png.
 */
import { createHash, createHmac } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rotateHostKey } from '../lab/faults';
import { labNode, readLabInfo, type LabInfo } from '../lab/labInfo';
import { launchChromium } from './support/chromium';
import { screenshotTaker } from './support/screenshots';
import { ensureWebFormBuilt, startWebForm, type WebFormProcess } from './support/webFormProcess';

const shot = screenshotTaker('ssh');
let lab: LabInfo;
let tmp: string;
let home: string;
let dataDir: string;
let web: WebFormProcess;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  ensureWebFormBuilt();
  lab = readLabInfo();
  tmp = mkdtempSync(path.join(os.tmpdir(), 'cd-e2e-ssh-'));
  // An empty HOME: no ~/.ssh/known_hosts, so every lab host starts unknown.
  home = path.join(tmp, 'home');
  mkdirSync(path.join(home, '.ssh'), { recursive: true, mode: 0o700 });
  dataDir = path.join(tmp, 'data');
  web = await startWebForm(dataDir, { homeDir: home });
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1360, height: 900 }, colorScheme: 'light' });
  page = await context.newPage();
  page.setDefaultTimeout(15_000);
});

afterAll(async () => {
  await browser?.close();
  await web?.stop();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** The SHA256 fingerprint ssh-keygen -l prints for a base64 public key blob. */
const fingerprintOf = (blob: string) => `SHA256:${createHash('sha256').update(Buffer.from(blob, 'base64')).digest('base64').replace(/=+$/, '')}`;

const tree = () => page.getByRole('tree', { name: 'Clusters' });
const resultOf = () => page.getByRole('status', { name: 'Connection test result' });

async function openNode(name: string): Promise<void> {
  await tree().getByRole('treeitem', { name: `Node ${name}`, exact: true }).click();
  await page.getByRole('heading', { name, level: 1 }).waitFor();
}

async function testConnection(): Promise<void> {
  await page.getByRole('button', { name: 'Test connection' }).click();
}

describe('SSH in the web form against the lab', () => {
  it('imports the lab profile', async () => {
    await page.goto(web.url);
    await page.getByRole('heading', { name: 'No clusters yet' }).waitFor();
    const file = path.join(tmp, 'lab.clusterdeck.json');
    writeFileSync(file, JSON.stringify(lab.profile));
    await page.getByLabel('Cluster file to import').first().setInputFiles(file);
    await page.getByRole('dialog', { name: 'Import a cluster file' }).getByRole('button', { name: 'Import' }).click();
    await page.getByRole('heading', { name: 'ClusterDeck lab', level: 1 }).waitFor();
    expect(await tree().getByRole('treeitem', { name: 'Node bai-m1', exact: true }).count()).toBe(1);
  });

  it('asks about bai-m1 host key with the fingerprint lab.json lists, then shows the test result', async () => {
    await openNode('bai-m1');
    await testConnection();
    const dialog = page.getByRole('dialog', { name: 'Trust the host key of bai-m1?' });
    await dialog.waitFor();
    const shown = (await dialog.getByTestId('hostkey-fingerprint').textContent())?.trim() ?? '';
    expect(labNode(lab, 'bai-m1').hostKeyFingerprints).toContain(shown);
    expect(await dialog.getByText('192.0.2.11:22').isVisible()).toBe(true);
    await shot(page, 'hostkey-dialog-bai-m1');
    await dialog.getByRole('button', { name: 'Trust and remember' }).click();
    await resultOf().waitFor({ timeout: 30_000 });
    const text = (await resultOf().textContent()) ?? '';
    expect(text).toContain(`key ${lab.users.key.keyPath}`);
    expect(text).toMatch(/OpenSSH/);
    expect(text).toContain(shown);
    await expect.poll(() => page.getByTestId('node-connection-state').textContent()).toBe('Connected');
    expect(await tree().getByRole('treeitem', { name: 'Node bai-m1', exact: true }).locator('[data-state]').getAttribute('data-state')).toBe('ready');
    await shot(page, 'test-result-bai-m1');

    await page.getByRole('button', { name: 'Known hosts' }).click();
    const saved = page.getByRole('table', { name: 'Saved host keys' });
    await saved.getByRole('row').filter({ hasText: '192.0.2.11:22' }).waitFor();
    expect(await saved.getByRole('row').filter({ hasText: shown }).count()).toBe(1);
  });

  it('unlocks the secrets and saves a sudo password that is shown only as saved', async () => {
    await page.getByRole('button', { name: /Unlock secrets/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Unlock saved secrets' });
    await dialog.getByLabel('Secrets passphrase').fill('e2e secrets passphrase');
    await dialog.getByRole('button', { name: 'Unlock' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await page.getByRole('button', { name: /Unlock secrets/ }).count()).toBe(0);

    await openNode('bai-a01');
    await page.getByRole('button', { name: 'Edit node' }).click();
    await page.getByLabel(/^sudo password/).fill(lab.users.sudoPassword);
    await page.getByRole('button', { name: 'Save sudo password' }).click();
    await expect.poll(() => page.getByTestId('sudo-password-state').textContent()).toMatch(/saved \d{4}-\d\d-\d\d/);
    expect(await page.getByLabel(/^sudo password/).inputValue()).toBe('');
    expect(await page.content()).not.toContain(lab.users.sudoPassword);
    await shot(page, 'node-secrets-saved');
    await page.getByRole('button', { name: 'Cancel' }).click();
  });

  it('relays bai-a02 keyboard-interactive rounds: the password, then the verification code', async () => {
    const otp = lab.users.keyboardInteractive;
    expect(otp.node).toBe('bai-a02');
    // The lab profile logs in to bai-a02 with the key user; a node for the OTP user at the same address.
    await tree().getByRole('treeitem', { name: 'Cluster ClusterDeck lab' }).click();
    await page.getByRole('toolbar', { name: 'Actions for ClusterDeck lab' }).getByRole('button', { name: 'Add node' }).click();
    await page.getByLabel('Name', { exact: true }).fill('bai-a02-otp');
    await page.getByLabel('Host', { exact: true }).fill(labNode(lab, 'bai-a02').host);
    await page.getByLabel('SSH user').fill(otp.name);
    await page.getByLabel('Auth method').selectOption({ label: 'Keyboard-interactive (OTP)' });
    await page.getByRole('form', { name: 'New node' }).getByRole('button', { name: 'Add node' }).click();
    await tree().getByRole('treeitem', { name: 'Node bai-a02-otp' }).waitFor();
    await openNode('bai-a02-otp');
    await testConnection();

    const hostKey = page.getByRole('dialog', { name: 'Trust the host key of bai-a02-otp?' });
    await hostKey.waitFor();
    expect(labNode(lab, 'bai-a02').hostKeyFingerprints).toContain((await hostKey.getByTestId('hostkey-fingerprint').textContent())?.trim());
    await hostKey.getByRole('button', { name: 'Trust once' }).click();

    const login = page.getByRole('dialog', { name: `Login question from ${otp.name}@192.0.2.22` });
    const password = login.getByLabel('Password', { exact: true });
    await password.waitFor();
    expect(await password.getAttribute('type')).toBe('password');
    // A lone password round may be remembered (secrets are unlocked); the code round never.
    expect(await login.getByRole('checkbox', { name: /Remember this password/ }).count()).toBe(1);
    await password.fill(otp.password);
    await shot(page, 'otp-password-round');
    await login.getByRole('button', { name: 'Log in' }).click();

    const code = page.getByRole('dialog', { name: `Login question from ${otp.name}@192.0.2.22` }).getByLabel('Verification code');
    await code.waitFor();
    expect(await code.getAttribute('type')).toBe('password');
    expect(await page.getByRole('checkbox', { name: /Remember/ }).count()).toBe(0);
    await code.fill(otp.otp);
    await shot(page, 'otp-code-round');
    await page.getByRole('button', { name: 'Log in' }).click();

    await resultOf().waitFor({ timeout: 30_000 });
    expect(await resultOf().textContent()).toContain('keyboard-interactive');
    await shot(page, 'otp-result');
  });

  it('refuses a jump host whose key differs from ~/.ssh/known_hosts, and says how to fix the file', async () => {
    // The operator's known_hosts names bai-jump's address with another host's key (bai-m1's), as after a bastion reinstall.
    const wrong = labNode(lab, 'bai-m1').hostKeys.find((k) => k.type === 'ssh-ed25519');
    if (!wrong) throw new Error('lab.json lists no ed25519 host key for bai-m1');
    const knownHosts = path.join(home, '.ssh', 'known_hosts');
    writeFileSync(knownHosts, `192.0.2.5 ssh-ed25519 ${wrong.publicKey}\n`, { mode: 0o600 });
    await openNode('bai-a03');
    await testConnection();
    const changed = page.getByRole('region', { name: /Host key changed/ });
    await changed.waitFor({ timeout: 30_000 });
    expect(await changed.getByTestId('saved-fingerprint').textContent()).toBe(fingerprintOf(wrong.publicKey));
    expect(labNode(lab, 'bai-jump').hostKeyFingerprints).toContain(await changed.getByTestId('presented-fingerprint').textContent());
    expect(await changed.textContent()).toContain('ssh-keygen -R 192.0.2.5');
    expect(await changed.getByRole('button', { name: 'Replace key' }).count()).toBe(0);
    await shot(page, 'changed-jump-key-in-known-hosts');
    // What `ssh-keygen -R 192.0.2.5` does to the file.
    writeFileSync(knownHosts, '', { mode: 0o600 });
    await changed.getByRole('button', { name: 'Test again' }).click();
    await page.getByRole('dialog', { name: 'Trust the jump host 192.0.2.5:22?' }).waitFor();
  });

  it('shows the changed-key view after bai-a03 was reinstalled, and Replace key connects again', async () => {
    const jump = page.getByRole('dialog', { name: 'Trust the jump host 192.0.2.5:22?' });
    await jump.waitFor();
    expect(labNode(lab, 'bai-jump').hostKeyFingerprints).toContain((await jump.getByTestId('hostkey-fingerprint').textContent())?.trim());
    await shot(page, 'hostkey-dialog-jump');
    await jump.getByRole('button', { name: 'Trust and remember' }).click();
    const node = page.getByRole('dialog', { name: 'Trust the host key of bai-a03?' });
    await node.waitFor();
    const oldFingerprint = (await node.getByTestId('hostkey-fingerprint').textContent())?.trim() ?? '';
    expect(labNode(lab, 'bai-a03').hostKeyFingerprints).toContain(oldFingerprint);
    await node.getByRole('button', { name: 'Trust and remember' }).click();
    await resultOf().waitFor({ timeout: 30_000 });
    expect(await resultOf().textContent()).toContain('192.0.2.5:22');

    const rotated = await rotateHostKey('bai-a03');
    // A reopened app: the pooled connection (which outlives sshd's restart) is gone, the saved keys stay.
    await web.stop();
    web = await startWebForm(dataDir, { homeDir: home });
    await page.goto(web.url);
    await openNode('bai-a03');
    await testConnection();
    const changed = page.getByRole('region', { name: /Host key changed/ });
    await changed.waitFor({ timeout: 30_000 });
    expect(await changed.getByTestId('saved-fingerprint').textContent()).toBe(oldFingerprint);
    const presented = (await changed.getByTestId('presented-fingerprint').textContent()) ?? '';
    expect(rotated.hostKeyFingerprints).toContain(presented);
    expect(presented).not.toBe(oldFingerprint);
    expect(await tree().getByRole('treeitem', { name: 'Node bai-a03' }).locator('[data-state]').getAttribute('data-state')).toBe('failed');
    await shot(page, 'changed-key-view');

    await changed.getByRole('button', { name: 'Replace key' }).click();
    await resultOf().waitFor({ timeout: 30_000 });
    expect(await resultOf().textContent()).toContain(presented);
    await shot(page, 'replaced-key-result');
   }, 120_000);

  it('bulk re-keys the cluster: lists every node, and a new key is saved only when accepted', async () => {
    await page.getByRole('button', { name: 'Known hosts' }).click();
    await page.getByRole('button', { name: /^Re-key \d+ nodes of ClusterDeck lab$/ }).click();
    const results = page.getByRole('table', { name: 'Re-key results for ClusterDeck lab' });
    await results.waitFor({ timeout: 45_000 });
    const row = (name: string) => results.getByRole('row').filter({ has: page.getByRole('cell', { name, exact: true }) });
    expect(await row('bai-m1').textContent()).toContain('unchanged');
    expect(await row('bai-a03').textContent()).toContain('unchanged');
    // bai-a01's key was never saved: "not saved yet", with its key to accept.
    expect(await row('bai-a01').textContent()).toContain('not saved yet');
    await shot(page, 'rekey-results');
    await row('bai-a01').getByRole('button', { name: 'Accept new key of bai-a01' }).click();
    await expect.poll(() => row('bai-a01').textContent()).toContain('replaced');
    const saved = page.getByRole('table', { name: 'Saved host keys' });
    await saved.getByRole('row').filter({ hasText: '192.0.2.21:22' }).waitFor();
    await shot(page, 'known-hosts');
  });

  it('lists ~/.ssh/known_hosts read-only beside the saved keys: a hashed line names bai-m1, markers and unreadable lines are shown', async () => {
    const m1 = labNode(lab, 'bai-m1');
    const m1Key = m1.hostKeys.find((k) => k.type === 'ssh-ed25519');
    if (!m1Key) throw new Error('lab.json lists no ed25519 host key for bai-m1');
    // A key no lab node presents (the parser fixtures' revoked key): revoking it changes no connection.
    const revoked = readFileSync(path.join(__dirname, '../fixtures/known_hosts/ssh-keygen-lf-fingerprints.txt'), 'utf8')
      .split('\n')
      .find((l) => l.startsWith('revoked_ed25519 '))
      ?.split(' ')[1];
    if (!revoked) throw new Error('test/fixtures/known_hosts lacks revoked_ed25519');
    // What `ssh-keygen -H` writes for bai-m1's address: |1|salt|HMAC-SHA1(salt, host).
    const salt = Buffer.alloc(20, 7);
    const hashed = `|1|${salt.toString('base64')}|${createHmac('sha1', salt).update(m1.host).digest('base64')}`;
    const knownHosts = path.join(home, '.ssh', 'known_hosts');
    writeFileSync(
      knownHosts,
      [
        "# the operator's own file",
        `${hashed} ssh-ed25519 ${m1Key.publicKey}`,
        `@revoked * ssh-ed25519 ${revoked}`,
        `@cert-authority *.corp.example ssh-ed25519 ${m1Key.publicKey}`,
        'this line is not a key',
      ].join('\n') + '\n',
      { mode: 0o600 },
    );
    await page.getByRole('button', { name: 'Known hosts' }).click();
    await page.getByRole('button', { name: 'Reload' }).click();
    const file = page.getByRole('table', { name: 'Lines of ~/.ssh/known_hosts' });
    await file.waitFor();
    const line = (n: number) => file.getByRole('row').filter({ has: page.getByRole('cell', { name: String(n), exact: true }) });
    const first = (await line(2).textContent()) ?? '';
    expect(first).toContain('hashed');
    expect(first).not.toContain(m1.host);
    expect(first).toContain('bai-m1');
    expect(first).toContain(fingerprintOf(m1Key.publicKey));
    expect(first).toContain('read-only, edit ~/.ssh/known_hosts');
    expect(await line(3).textContent()).toContain('@revoked');
    expect(await line(4).textContent()).toContain('@cert-authority');
    expect(await file.getByRole('button').count()).toBe(0);
    expect(await page.getByTestId('known-hosts-skipped').textContent()).toMatch(/1 line .* line 5\./);
    expect(await page.getByText(knownHosts, { exact: true }).count()).toBeGreaterThan(0);
    await shot(page, 'known-hosts-file');
  });
});
