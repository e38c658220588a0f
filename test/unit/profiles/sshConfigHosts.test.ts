import { existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseProxyJump } from '../../../main/core/profiles/proxyJump';
import { connectedCore, rejectionOf, type ConnectedCore } from '../support/connectedCore';
import { tempDir, testPorts } from '../support/testPorts';

const FIXTURES = resolve(__dirname, '../../fixtures/ssh-config');
const HOME = join(FIXTURES, 'home');
const EXEC_MARKER = '/tmp/clusterdeck-ssh-config-exec-ran';

const running: ConnectedCore[] = [];
afterEach(async () => {
  for (const c of running.splice(0)) await c.core.close();
});
function coreWithHome(homeDir: string): ConnectedCore {
  const root = tempDir();
  const base = testPorts(root);
  const c = connectedCore({ ...base, paths: { ...base.paths, homeDir } });
  running.push(c);
  return c;
}

const bastion = { host: 'bastion.acme.example', port: 2222, user: 'jump', keyPath: `${HOME}/.ssh/acme_jump_ed25519` };
const opsHop = { host: '10.20.0.1', port: 2200, user: 'ops', keyPath: `${HOME}/.ssh/id_ed25519` };
const defaultKey = `${HOME}/.ssh/id_ed25519`;

describe('hosts offered from ~/.ssh/config', () => {
  it('resolves every concrete alias the way ssh would, skipping wildcard patterns', async () => {
    rmSync(EXEC_MARKER, { force: true });
    const { client } = coreWithHome(HOME);
    const listing = await client.listSshConfigHosts({});
    expect(listing.path).toBe(join(HOME, '.ssh', 'config'));
    expect(listing.hosts).toEqual([
      { alias: 'globex-stg', hostName: 'stg.globex.example', user: 'ubuntu', identityFile: `${HOME}/.ssh/globex_rsa`, proxyJump: [] },
      { alias: 'bastion-acme', hostName: 'bastion.acme.example', user: 'jump', port: 2222, identityFile: `${HOME}/.ssh/acme_jump_ed25519`, proxyJump: [] },
      { alias: 'acme-m01', hostName: '10.20.0.5', user: 'lablup', identityFile: defaultKey, proxyJump: [bastion] },
      { alias: 'acme-a01', hostName: '10.20.0.11', user: 'lablup', port: 2299, identityFile: defaultKey, proxyJump: [bastion, opsHop] },
      { alias: 'acme-a02', hostName: '10.20.0.12', user: 'root', port: 2201, identityFile: defaultKey, proxyJump: [bastion, opsHop] },
      { alias: 'direct-db', hostName: 'db.acme.example', user: 'lablup', identityFile: defaultKey, proxyJump: [] },
      { alias: 'legacy-box', hostName: '192.0.2.50', user: 'lablup', identityFile: defaultKey, proxyJump: [] },
      { alias: 'gpu-lab', hostName: 'gpu-lab.lab.acme.example', user: 'lablup', identityFile: defaultKey, proxyJump: [] },
    ]);
  });

  it('never runs a `Match exec` command while listing', async () => {
    rmSync(EXEC_MARKER, { force: true });
    const { client } = coreWithHome(HOME);
    const { hosts } = await client.listSshConfigHosts({});
    expect(hosts.some((h) => h.user === 'must-not-apply')).toBe(false);
    expect(existsSync(EXEC_MARKER)).toBe(false);
  });

  it('reads a file at a given path, CRLF line endings, `=` separators, quoted paths and ssh:// IPv6 jumps', async () => {
    const { client } = coreWithHome(HOME);
    const listing = await client.listSshConfigHosts({ path: join(FIXTURES, 'windows-crlf.config') });
    expect(listing.hosts).toEqual([
      {
        alias: 'win-node',
        hostName: '10.1.1.1',
        user: 'Administrator',
        identityFile: 'C:/Users/op/.ssh/id key',
        proxyJump: [{ host: '2001:db8::1', port: 2022, user: 'admin' }],
      },
    ]);
  });

  it('ends on a file that includes itself and on a ProxyJump cycle', async () => {
    const { client } = coreWithHome(HOME);
    const { hosts } = await client.listSshConfigHosts({ path: '~/.ssh/loop.conf' });
    expect(hosts.map((h) => [h.alias, h.proxyJump.map((j) => j.host)])).toEqual([
      ['cyc-a', ['192.0.2.12']],
      ['cyc-b', ['192.0.2.11']],
    ]);
  });

  it('offers nothing (not an error) when the operator has no ~/.ssh/config', async () => {
    const home = tempDir();
    const { client } = coreWithHome(home);
    expect(await client.listSshConfigHosts({})).toEqual({ path: join(home, '.ssh', 'config'), hosts: [] });
  });

  it('says the path is wrong when a given file does not exist', async () => {
    const { client } = coreWithHome(HOME);
    const err = await rejectionOf(client.listSshConfigHosts({ path: '/nowhere/ssh_config' }));
    expect(err).toMatchObject({ code: 'not_found', message: expect.stringContaining('/nowhere/ssh_config'), fields: { path: expect.any(String) } });
  });
});

describe('ProxyJump values', () => {
  it.each([
    ['none', []],
    ['NONE', []],
    ['bastion', [{ host: 'bastion' }]],
    ['jump@bastion:2222', [{ host: 'bastion', user: 'jump', port: 2222 }]],
    ['a,b@c:23 , d', [{ host: 'a' }, { host: 'c', user: 'b', port: 23 }, { host: 'd' }]],
    ['ssh://u@h.example:2022', [{ host: 'h.example', user: 'u', port: 2022 }]],
    ['[2001:db8::1]:22', [{ host: '2001:db8::1', port: 22 }]],
    ['2001:db8::1', [{ host: '2001:db8::1' }]],
    ['h:99999', [{ host: 'h' }]],
  ])('%s', (value, hops) => {
    expect(parseProxyJump(value)).toEqual(hops);
  });
});
