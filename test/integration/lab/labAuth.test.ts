// The lab's users log in with each kind of SSH auth, through OpenSSH's own
// client, and each node says its own name. Host keys are checked strictly
// against lab.json, so these also prove lab.json lists the real host keys.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sshdLog } from '../../lab/faults';
import { labNode, readLabInfo, type LabInfo } from '../../lab/labInfo';
import { keyUser, OpensshClient } from './opensshClient';

let info: LabInfo;
let ssh: OpensshClient;

beforeAll(() => {
  info = readLabInfo();
  ssh = new OpensshClient(info);
});
afterAll(() => ssh.dispose());

describe('lab logins', () => {
  it('lets the key user in on every directly reachable node, and hostname prints the node name', async () => {
    const direct = info.nodes.filter((n) => n.reachableDirectly);
    expect(direct.map((n) => n.name).sort()).toEqual(['bai-a01', 'bai-a02', 'bai-jump', 'bai-m1']);
    const results = await Promise.all(direct.map((n) => ssh.run(keyUser(info, n), 'hostname; id -un')));
    results.forEach((r, i) => {
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(`${direct[i]?.name}\n${info.users.key.name}\n`);
    });
  });

  it('accepts the key user\'s PEM RSA and OpenSSH ECDSA keys too', async () => {
    const node = labNode(info, 'bai-m1');
    for (const keyPath of [info.keys.rsaPem, info.keys.ecdsa]) {
      const r = await ssh.run(keyUser(info, node, keyPath), 'hostname');
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toBe('bai-m1\n');
    }
  });

  it('refuses a key that is not authorized', async () => {
    const node = labNode(info, 'bai-a01');
    const r = await ssh.run({ node, user: info.users.key.name, auth: { kind: 'key', keyPath: info.users.passphrase.keyPath } }, 'true');
    expect(r.code).toBe(255);
    expect(r.stderr).toMatch(/Permission denied/);
  });

  it('logs the password user in with its password and refuses a wrong one', async () => {
    const node = labNode(info, 'bai-a01');
    const user = info.users.password.name;
    const ok = await ssh.run({ node, user, auth: { kind: 'password', password: info.users.password.password } }, 'hostname');
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toBe('bai-a01\n');
    expect(ok.prompts).toEqual([`${user}@${node.host}'s password: `]);
    const bad = await ssh.run({ node, user, auth: { kind: 'password', password: 'not-the-password' } }, 'hostname');
    expect(bad.code).toBe(255);
    expect(bad.stdout).toBe('');
  });

  it('opens the passphrase-protected key with its passphrase', async () => {
    const node = labNode(info, 'bai-m1');
    const { name, keyPath, passphrase } = info.users.passphrase;
    const r = await ssh.run({ node, user: name, auth: { kind: 'passphrase', keyPath, passphrase } }, 'hostname');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('bai-m1\n');
    expect(r.prompts).toEqual([`Enter passphrase for key '${keyPath}': `]);
    const wrong = await ssh.run({ node, user: name, auth: { kind: 'passphrase', keyPath, passphrase: 'wrong' } }, 'true');
    expect(wrong.code).toBe(255);
  });

  it('asks "Password:" then "Verification code:" for keyboard-interactive on bai-a02', async () => {
    const kbd = info.users.keyboardInteractive;
    expect(kbd.node).toBe('bai-a02');
    const node = labNode(info, kbd.node);
    const auth = { kind: 'keyboard-interactive', password: kbd.password, otp: kbd.otp } as const;
    const r = await ssh.run({ node, user: kbd.name, auth }, 'hostname');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('bai-a02\n');
    expect(r.prompts).toEqual([`(${kbd.name}@${node.host}) Password: `, `(${kbd.name}@${node.host}) Verification code: `]);
  });

  it('refuses keyboard-interactive with a wrong verification code, and on nodes without it', async () => {
    const kbd = info.users.keyboardInteractive;
    const node = labNode(info, kbd.node);
    const wrongCode = await ssh.run({ node, user: kbd.name, auth: { kind: 'keyboard-interactive', password: kbd.password, otp: '000000' } }, 'true');
    expect(wrongCode.code).toBe(255);
    expect(wrongCode.prompts).toHaveLength(2);
    const elsewhere = await ssh.run(
      { node: labNode(info, 'bai-m1'), user: kbd.name, auth: { kind: 'keyboard-interactive', password: kbd.password, otp: kbd.otp } },
      'true',
    );
    expect(elsewhere.code).toBe(255);
    expect(elsewhere.prompts).toEqual([]);
  });

  it('puts the node\'s own tool folder first on PATH, for exec and login shells alike', async () => {
    const node = labNode(info, 'bai-a01');
    const binDir = node.binDir;
    const exec = await ssh.run(keyUser(info, node), 'echo "$PATH"');
    expect(exec.stdout.split(':')[0]).toBe(binDir);
    const login = await ssh.run(keyUser(info, node), 'bash -lc \'echo "$PATH"\'');
    expect(login.stdout.split(':')[0]).toBe(binDir);
    const interactive = await ssh.run(keyUser(info, node), 'bash -ic \'echo "$PATH"\' 2>/dev/null');
    expect(interactive.stdout.trim().split(':')[0]).toBe(binDir);
  });

  it('records accepted logins in the node\'s sshd log (LogLevel VERBOSE)', async () => {
    const node = labNode(info, 'bai-a02');
    const before = sshdLog(node.name).length;
    const r = await ssh.run(keyUser(info, node), 'true');
    expect(r.code).toBe(0);
    // sshd writes its log lines asynchronously to the client finishing.
    await vi.waitFor(() => {
      const added = sshdLog(node.name).slice(before);
      expect(added).toMatch(new RegExp(`Accepted publickey for ${info.users.key.name} from .* ED25519 SHA256:`));
    });
  });
});
