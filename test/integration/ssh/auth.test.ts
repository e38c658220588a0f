import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../../common/contract/errors';
import { createSshEngine } from '../../../main/core/ssh/sshEngine';
import { sshdLog } from '../../lab/faults';
import { createLabEngine, eventsOf, secretKey, type LabEngine } from './labEngine';

let t: LabEngine;
/** A fresh path for a key file: the engine keeps keys it already decrypted, by path. */
const copyOfKey = (path: string) => {
  const copy = join(mkdtempSync(join(tmpdir(), 'cd-key-')), 'id');
  copyFileSync(path, copy);
  return copy;
};
const hostnameOf = async (nodeId: string) => (await t.engine.exec(nodeId, ['hostname'])).stdout.trim();

beforeAll(() => {
  t = createLabEngine({ connectTimeoutMs: 10_000, promptTimeoutMs: 10_000 });
  t.trustLabHostKeys();
});
afterEach(async () => {
  t.resetListeners();
  await t.engine.pool.close();
  t.secrets.clear();
});
afterAll(async () => {
  await t.engine.close();
});

describe('key logins', () => {
  it.each([
    ['ed25519 (OpenSSH format)', () => t.lab.keys.ed25519],
    ['RSA in PEM format (rsa-sha2-*)', () => t.lab.keys.rsaPem],
    ['ECDSA', () => t.lab.keys.ecdsa],
  ])('logs in with an %s key', async (_name, keyPath) => {
    t.defineNode('k', 'bai-m1', { authMethod: 'key', keyPath: keyPath() });
    const test = await t.engine.testConnection('k');
    expect(test.authMethod).toBe(`key ${keyPath()}`);
    expect(test.serverVersion).toMatch(/^OpenSSH_/);
    expect(await hostnameOf('k')).toBe('bai-m1');
  });

  it('decrypts an encrypted key with the saved passphrase', async () => {
    const { passphrase } = t.lab.users;
    t.defineNode('pp', 'bai-a01', { user: passphrase.name, authMethod: 'key', keyPath: passphrase.keyPath });
    t.secrets.set(secretKey('key-passphrase', { clusterId: 'lab' }), passphrase.passphrase);
    expect(await hostnameOf('pp')).toBe('bai-a01');
  });

  it('asks for the passphrase when none is saved, and remembers it when told to', async () => {
    const { passphrase } = t.lab.users;
    t.defineNode('pp2', 'bai-a01', { user: passphrase.name, authMethod: 'key', keyPath: copyOfKey(passphrase.keyPath) });
    t.on('auth.prompt', (p) => {
      if (p.nodeId === 'pp2' && p.kind === 'passphrase') t.engine.answerAuthPrompt(p.promptId, { answers: [passphrase.passphrase], remember: true });
    });
    expect(await hostnameOf('pp2')).toBe('bai-a01');
    expect(t.secrets.get(secretKey('key-passphrase', { nodeId: 'pp2' }))).toBe(passphrase.passphrase);
  });

  it('refuses a wrong saved passphrase before sending anything', async () => {
    const { passphrase } = t.lab.users;
    t.defineNode('pp3', 'bai-a01', { user: passphrase.name, authMethod: 'key', keyPath: copyOfKey(passphrase.keyPath) });
    const logBefore = sshdLog('bai-a01').length;
    t.secrets.set(secretKey('key-passphrase', { nodeId: 'pp3' }), 'not the passphrase');
    const err = await t.engine.exec('pp3', ['true']).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ code: 'auth_failed', message: expect.stringMatching(/saved passphrase for key .* is wrong/) });
    expect(sshdLog('bai-a01').slice(logBefore)).not.toMatch(/publickey for cdlabpp/);
  });

  it('names the key the node refused (a key not in authorized_keys)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cd-wrongkey-'));
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', join(dir, 'id'), '-C', 'stranger']);
    t.defineNode('wk', 'bai-m1', { authMethod: 'key', keyPath: join(dir, 'id') });
    const err = await t.engine.exec('wk', ['true']).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'auth_failed', message: expect.stringContaining(`refused the login as cdlab (tried key ${join(dir, 'id')})`) });
    expect(t.engine.pool.connections().find((c) => c.nodeId === 'wk')?.state).toBe('failed');
    rmSync(dir, { recursive: true });
  });

  it('reports a missing key file clearly', async () => {
    t.defineNode('nk', 'bai-m1', { authMethod: 'key', keyPath: '/nonexistent/id_ed25519' });
    await expect(t.engine.exec('nk', ['true'])).rejects.toMatchObject({ code: 'auth_failed', message: expect.stringContaining('does not exist') });
  });
});

describe('password logins', () => {
  it('logs in with the saved password', async () => {
    const { password } = t.lab.users;
    t.defineNode('pw', 'bai-a01', { user: password.name, authMethod: 'password' });
    t.secrets.set(secretKey('ssh-password', { nodeId: 'pw' }), password.password);
    const test = await t.engine.testConnection('pw');
    expect(test.authMethod).toBe('password');
  });

  it('asks for the password when none is saved', async () => {
    const { password } = t.lab.users;
    t.defineNode('pw2', 'bai-a01', { user: password.name, authMethod: 'password' });
    t.on('auth.prompt', (p) => {
      if (p.nodeId === 'pw2') t.engine.answerAuthPrompt(p.promptId, { answers: [password.password], remember: false });
    });
    expect(await hostnameOf('pw2')).toBe('bai-a01');
    expect(t.secrets.size).toBe(0);
  });

  it('fails a wrong password once, with a clear message, and does not retry', async () => {
    const { password } = t.lab.users;
    t.defineNode('pw3', 'bai-a01', { user: password.name, authMethod: 'password' });
    t.secrets.set(secretKey('ssh-password', { nodeId: 'pw3' }), 'wrong-password');
    const logBefore = sshdLog('bai-a01').length;
    const err = await t.engine.exec('pw3', ['true']).catch((e: unknown) => e);
    // Sent once: not again as a keyboard-interactive answer.
    expect(sshdLog('bai-a01').slice(logBefore).match(/Failed (password|keyboard-interactive\S*) for cdlabpw/g)).toHaveLength(1);
    expect(err).toMatchObject({ code: 'auth_failed', message: expect.stringContaining('refused the login as cdlabpw (tried password') });
    await new Promise((r) => setTimeout(r, 1500));
    const states = eventsOf(t.events, 'node.connection').filter((e) => e.nodeId === 'pw3').map((e) => e.state);
    expect(states).toEqual(['connecting', 'failed']);
  });

  it('a cancelled password prompt cancels the login', async () => {
    const { password } = t.lab.users;
    t.defineNode('pw4', 'bai-a01', { user: password.name, authMethod: 'password' });
    t.on('auth.prompt', (p) => {
      if (p.nodeId === 'pw4') t.engine.answerAuthPrompt(p.promptId, 'cancel');
    });
    await expect(t.engine.exec('pw4', ['true'])).rejects.toMatchObject({ code: 'cancelled' });
  });

  it('fails fast in the background instead of asking', async () => {
    const { password } = t.lab.users;
    t.defineNode('pw5', 'bai-a01', { user: password.name, authMethod: 'password' });
    await expect(t.engine.exec('pw5', ['true'], { interactive: false })).rejects.toMatchObject({ code: 'auth_failed', message: expect.stringContaining('cannot ask you') });
    expect(eventsOf(t.events, 'auth.prompt').filter((p) => p.nodeId === 'pw5')).toEqual([]);
  });
});

describe('keyboard-interactive (OTP)', () => {
  it('relays each prompt to the person and logs in with their answers', async () => {
    const kbd = t.lab.users.keyboardInteractive;
    t.defineNode('otp', kbd.node, { user: kbd.name, authMethod: 'keyboard-interactive' });
    const asked: string[] = [];
    t.on('auth.prompt', (p) => {
      if (p.nodeId !== 'otp') return;
      const answers = p.prompts.map((q) => {
        asked.push(q.prompt);
        return /verification/i.test(q.prompt) ? kbd.otp : kbd.password;
      });
      t.engine.answerAuthPrompt(p.promptId, { answers, remember: false });
    });
    expect(await hostnameOf('otp')).toBe(kbd.node);
    expect(asked.join(' ')).toMatch(/Password:.*Verification code:/s);
  });

  it('refuses a wrong one-time code', async () => {
    const kbd = t.lab.users.keyboardInteractive;
    t.defineNode('otp2', kbd.node, { user: kbd.name, authMethod: 'keyboard-interactive' });
    t.on('auth.prompt', (p) => {
      if (p.nodeId !== 'otp2') return;
      const answers = p.prompts.map((q) => (/verification/i.test(q.prompt) ? '000000' : kbd.password));
      t.engine.answerAuthPrompt(p.promptId, { answers, remember: false });
    });
    await expect(t.engine.exec('otp2', ['true'])).rejects.toMatchObject({ code: 'auth_failed' });
  });
});

describe('SSH agent', () => {
  let agent: ChildProcess | undefined;
  let sock = '';
  afterAll(() => {
    agent?.kill();
  });

  it('logs in with a key held by ssh-agent (SSH_AUTH_SOCK)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cd-agent-'));
    sock = join(dir, 'agent.sock');
    agent = spawn('ssh-agent', ['-D', '-a', sock], { stdio: 'ignore' });
    for (let i = 0; i < 50; i++) {
      try {
        execFileSync('ssh-add', [t.lab.keys.ed25519], { env: { ...process.env, SSH_AUTH_SOCK: sock }, stdio: 'ignore' });
        break;
      } catch {
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    const engine = createSshEngine({
      events: { emit: () => undefined },
      hostKeys: t.hostKeys,
      knownHostsFile: { path: null, label: 'none', lines: () => [] },
      credentials: { lookup: () => undefined, remember: () => undefined },
      homeDir: t.homeDir,
      authSock: sock,
      lookupNode: () => ({
        nodeId: 'ag',
        nodeName: 'bai-a02',
        clusterId: 'lab',
        sudoMode: 'auto',
        hops: [{ host: '192.0.2.22', port: 22, user: t.lab.users.key.name, authMethod: 'agent', label: 'bai-a02', isJump: false }],
      }),
    });
    try {
      const test = await engine.testConnection('ag');
      expect(test.authMethod).toBe('SSH agent');
      expect((await engine.exec('ag', ['hostname'])).stdout.trim()).toBe('bai-a02');
    } finally {
      await engine.close();
    }
  });
});
