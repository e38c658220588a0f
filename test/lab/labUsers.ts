/**
 * The lab's login users: real local accounts (useradd, chpasswd), their keys
 * under .lab/keys and authorized_keys, and the shell start-up lines that put
 * the node tools ahead of /usr/bin. Accounts stay across `down` (creating them
 * is the slow part and they hold nothing); `down --purge` removes them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { mustRun, runCommand } from './hostCommand';
import { DOCKER_GROUP, LAB_USERS, LAB_USER_NAMES, labFiles, labRoot } from './labLayout';

export const labKeyPaths = {
  ed25519: path.join(labFiles.keys, 'cdlab_ed25519'),
  rsaPem: path.join(labFiles.keys, 'cdlab_rsa.pem'),
  ecdsa: path.join(labFiles.keys, 'cdlab_ecdsa'),
  passphrase: path.join(labFiles.keys, 'cdlabpp_ed25519'),
};

const PROFILE_MARK = '# cdlab: node tools first (test/lab/labUsers.ts)';
const PROFILE_END = '# cdlab: end';

async function userExists(name: string): Promise<boolean> {
  return (await runCommand(['id', '-u', name])).code === 0;
}

async function ensureKey(keyPath: string, type: string[], passphrase: string): Promise<void> {
  if (fs.existsSync(keyPath) && fs.existsSync(`${keyPath}.pub`)) return;
  fs.rmSync(keyPath, { force: true });
  fs.rmSync(`${keyPath}.pub`, { force: true });
  await mustRun(['ssh-keygen', '-q', ...type, '-N', passphrase, '-C', `${path.basename(keyPath)}@cdlab`, '-f', keyPath]);
  fs.chmodSync(keyPath, 0o600);
}

export async function ensureLabKeys(): Promise<void> {
  fs.mkdirSync(labFiles.keys, { recursive: true, mode: 0o700 });
  await Promise.all([
    ensureKey(labKeyPaths.ed25519, ['-t', 'ed25519'], ''),
    ensureKey(labKeyPaths.rsaPem, ['-t', 'rsa', '-b', '2048', '-m', 'PEM'], ''),
    ensureKey(labKeyPaths.ecdsa, ['-t', 'ecdsa', '-b', '256'], ''),
    ensureKey(labKeyPaths.passphrase, ['-t', 'ed25519'], LAB_USERS.passphrase.passphrase),
  ]);
}

function readPub(keyPath: string): string {
  return fs.readFileSync(`${keyPath}.pub`, 'utf8').trim();
}

/**
 * Lines appended once to ~/.profile and ~/.bashrc: Debian's /etc/profile resets
 * PATH for login shells. Homes are shared by all nodes, so the node's tool
 * folder is picked by `hostname` (see nodeDirs().bin).
 */
function pathLines(): string {
  const bin = `${path.join(labRoot, 'nodes')}/$(hostname)/bin`;
  return `${PROFILE_MARK}\ncase ":$PATH:" in *":${bin}:"*) ;; *) PATH="${bin}:$PATH"; export PATH ;; esac\n${PROFILE_END}\n`;
}

/** Puts the lab block at the end of a start-up file, replacing an older lab block. */
function writeLabBlock(file: string, block: string, uid: number, gid: number): void {
  const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  const start = current.indexOf(PROFILE_MARK);
  const endAt = current.indexOf(PROFILE_END, start);
  const kept =
    start < 0 ? current : current.slice(0, start) + (endAt < 0 ? '' : current.slice(endAt + PROFILE_END.length + 1));
  fs.writeFileSync(file, `${kept.replace(/\n*$/, '\n')}\n${block}`);
  fs.chownSync(file, uid, gid);
}

async function ensureUser(name: string, password: string, authorizedKeys: string[]): Promise<void> {
  if (!(await userExists(name))) {
    await mustRun(['useradd', '--create-home', '--shell', '/bin/bash', '--groups', DOCKER_GROUP, name]);
  } else {
    await mustRun(['usermod', '--shell', '/bin/bash', '--append', '--groups', DOCKER_GROUP, name]);
  }
  await mustRun(['chpasswd'], { input: `${name}:${password}\n` });
  const home = path.join('/home', name);
  const uid = Number((await mustRun(['id', '-u', name])).trim());
  const gid = Number((await mustRun(['id', '-g', name])).trim());
  // sshd's StrictModes refuses keys in group- or world-writable homes.
  fs.chmodSync(home, 0o755);
  const sshDir = path.join(home, '.ssh');
  fs.mkdirSync(sshDir, { recursive: true, mode: 0o700 });
  fs.chownSync(sshDir, uid, gid);
  const authorized = path.join(sshDir, 'authorized_keys');
  fs.writeFileSync(authorized, authorizedKeys.map((k) => `${k}\n`).join(''), { mode: 0o600 });
  fs.chownSync(authorized, uid, gid);
  for (const rc of ['.profile', '.bashrc']) writeLabBlock(path.join(home, rc), pathLines(), uid, gid);
}

/** Creates or refreshes the lab users and their keys. Idempotent. */
export async function ensureLabUsers(): Promise<void> {
  await ensureLabKeys();
  if ((await runCommand(['getent', 'group', DOCKER_GROUP])).code !== 0) {
    await mustRun(['groupadd', DOCKER_GROUP]);
  }
  const keyUserKeys = [readPub(labKeyPaths.ed25519), readPub(labKeyPaths.rsaPem), readPub(labKeyPaths.ecdsa)];
  // Sequential: useradd/chpasswd lock /etc/passwd and /etc/shadow.
  await ensureUser(LAB_USERS.key.name, LAB_USERS.key.password, keyUserKeys);
  await ensureUser(LAB_USERS.password.name, LAB_USERS.password.password, []);
  await ensureUser(LAB_USERS.passphrase.name, LAB_USERS.passphrase.password, [readPub(labKeyPaths.passphrase)]);
  await ensureUser(LAB_USERS.keyboardInteractive.name, LAB_USERS.keyboardInteractive.password, []);
}

/** `down --purge`: remove the accounts and their homes. */
export async function removeLabUsers(): Promise<void> {
  for (const name of LAB_USER_NAMES) {
    if (await userExists(name)) await runCommand(['userdel', '--remove', name]);
  }
}
