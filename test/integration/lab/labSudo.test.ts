// Real sudo on the lab nodes: NOPASSWD on bai-m1 and bai-a02, the user's
// password on bai-a01, the node's tools first on sudo's PATH, and the
// setSudoRefusing fault.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setSudoRefusing } from '../../lab/faults';
import { labNode, readLabInfo, type LabInfo } from '../../lab/labInfo';
import { keyUser, OpensshClient } from './opensshClient';

let info: LabInfo;
let ssh: OpensshClient;
const PROMPT = 'cdlab-sudo-prompt-7f3a:';

beforeAll(() => {
  info = readLabInfo();
  ssh = new OpensshClient(info);
});
afterAll(() => ssh.dispose());
afterEach(async () => {
  await setSudoRefusing('bai-m1', false);
});

describe('lab sudo', () => {
  it('runs sudo without a password on the NOPASSWD nodes', async () => {
    for (const name of ['bai-m1', 'bai-a02']) {
      expect(labNode(info, name).sudo).toBe('nopasswd');
      const r = await ssh.run(keyUser(info, labNode(info, name)), 'sudo -n id -un');
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toBe('root\n');
    }
  });

  it('asks for the user\'s password on bai-a01 and accepts it through sudo -S', async () => {
    const node = labNode(info, 'bai-a01');
    expect(node.sudo).toBe('password');
    const denied = await ssh.run(keyUser(info, node), 'sudo -n id -un');
    expect(denied.code).not.toBe(0);
    expect(denied.stderr).toMatch(/a password is required/);
    const ok = await ssh.run(keyUser(info, node), `sudo -S -p '${PROMPT}' id -un`, { input: `${info.users.sudoPassword}\n` });
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toBe('root\n');
    expect(ok.stderr).toContain(PROMPT);
    const wrong = await ssh.run(keyUser(info, node), `sudo -S -p '${PROMPT}' id -un`, { input: 'wrong-password\n' });
    expect(wrong.code).not.toBe(0);
    expect(wrong.stdout).toBe('');
  });

  it('puts the node\'s tool folder first on sudo\'s PATH', async () => {
    const node = labNode(info, 'bai-m1');
    const r = await ssh.run(keyUser(info, node), 'sudo -n sh -c \'echo "$PATH"\'');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.split(':')[0]).toBe(node.binDir);
  });

  it('refuses sudo on a node while setSudoRefusing is on, and only there', async () => {
    const m1 = labNode(info, 'bai-m1');
    await setSudoRefusing('bai-m1', true);
    const refused = await ssh.run(keyUser(info, m1), 'sudo -n id -un');
    expect(refused.code).not.toBe(0);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(/not allowed to execute/);
    const other = await ssh.run(keyUser(info, labNode(info, 'bai-a02')), 'sudo -n id -un');
    expect(other.stdout).toBe('root\n');
    await setSudoRefusing('bai-m1', false);
    const back = await ssh.run(keyUser(info, m1), 'sudo -n id -un');
    expect(back.stdout).toBe('root\n');
  });
});
