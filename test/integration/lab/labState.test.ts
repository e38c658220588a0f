// What `lab up` reports matches what is running: status, the host keys the
// sshds really offer (ssh-keyscan), and a cluster profile the app can import.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { ClusterExport } from '../../../common/contract/schemas/profiles';
import { readLabInfo, type LabInfo } from '../../lab/labInfo';
import { readLabStatus } from '../../lab/labStatus';

const run = promisify(execFile);
let info: LabInfo;

beforeAll(() => {
  info = readLabInfo();
});

describe('lab state', () => {
  it('reports every node up', async () => {
    const status = await readLabStatus();
    expect(status.state).toBe('up');
    expect(status.nodes.map((n) => [n.name, n.netns && n.linkUp && n.sshd])).toEqual(info.nodes.map((n) => [n.name, true]));
  });

  it('lists exactly the host keys each directly reachable sshd offers', async () => {
    for (const node of info.nodes.filter((n) => n.reachableDirectly)) {
      const { stdout: scanned } = await run('ssh-keyscan', ['-T', '3', '-t', 'ed25519,ecdsa,rsa', node.host]);
      const offered = scanned
        .split('\n')
        .filter((l) => l && !l.startsWith('#'))
        .map((l) => l.split(' ').slice(1, 3).join(' '))
        .sort();
      expect(offered).toEqual(node.hostKeys.map((k) => `${k.type} ${k.publicKey}`).sort());
      const fingerprints = await Promise.all(
        node.hostKeys.map(async (k, i) => {
          const file = path.join(os.tmpdir(), `cdlab-keyscan-${process.pid}-${node.name}-${i}.pub`);
          fs.writeFileSync(file, `${k.type} ${k.publicKey}\n`);
          try {
            return (await run('ssh-keygen', ['-l', '-E', 'sha256', '-f', file])).stdout.split(' ')[1];
          } finally {
            fs.rmSync(file, { force: true });
          }
        }),
      );
      expect(fingerprints).toEqual(node.hostKeyFingerprints);
    }
  });

  it('prints a cluster profile the app imports, with bai-a03 behind bai-jump', () => {
    const profile = ClusterExport.parse(info.profile);
    expect(JSON.parse(fs.readFileSync(`${info.root}/profile.json`, 'utf8'))).toEqual(info.profile);
    expect(profile.cluster.ssh.user).toBe(info.users.key.name);
    expect(profile.cluster.ssh.keyPath).toBe(info.users.key.keyPath);
    expect(profile.cluster.halfstackDir).toBe(info.halfstackDir);
    expect(profile.cluster.managerDir).toBe(info.managerDir);
    expect(profile.cluster.composeProject).toBe(info.composeProject);
    expect(profile.nodes.map((n) => [n.name, n.host])).toEqual(
      info.nodes.filter((n) => n.name !== 'bai-jump').map((n) => [n.name, n.host]),
    );
    const a03 = profile.nodes.find((n) => n.name === 'bai-a03');
    expect(a03?.ssh.jumpHosts).toEqual([expect.objectContaining({ host: '192.0.2.5', port: 22, user: info.users.key.name })]);
  });

  it('keeps key files private and names folders that exist', () => {
    for (const key of [info.users.key.keyPath, info.users.passphrase.keyPath, info.keys.rsaPem, info.keys.ecdsa]) {
      expect(fs.statSync(key).mode & 0o777).toBe(0o600);
    }
    expect(fs.readFileSync(info.keys.rsaPem, 'utf8')).toMatch(/^-----BEGIN RSA PRIVATE KEY-----/);
    expect(fs.readFileSync(info.keys.ecdsa, 'utf8')).toMatch(/^-----BEGIN OPENSSH PRIVATE KEY-----/);
    expect(fs.existsSync(info.halfstackDir)).toBe(true);
    expect(fs.existsSync(info.managerDir)).toBe(true);
  });
});
