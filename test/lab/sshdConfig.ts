/**
 * What each node's sshd is made of: its own host keys (ed25519, ecdsa, rsa),
 * its own sshd_config, and the lab's PAM service (/etc/pam.d/cdlab-sshd) with
 * the "Verification code:" module for keyboard-interactive on bai-a02.
 * Starting and stopping the daemon lives in sshdProcess.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { mustRun } from './hostCommand';
import {
  LAB_USERS,
  LAB_USER_NAMES,
  PAM_FILE,
  PAM_SERVICE,
  type LabNodeSpec,
  labFiles,
  nodeAddress,
  nodeDirs,
} from './labLayout';

export const HOST_KEY_TYPES = ['ed25519', 'ecdsa', 'rsa'] as const;
export type HostKeyType = (typeof HOST_KEY_TYPES)[number];

/** sshd picks its PAM service from argv[0] (OpenSSH 9.2 has no PAMServiceName), hence the symlink. */
export const sshdBinary = path.join(labFiles.bin, PAM_SERVICE);
const otpModule = path.join(labFiles.pam, 'pam_cdlab_otp.so');
const otpCodeFile = path.join(labFiles.pam, 'otp-code');
const otpSource = path.join(path.dirname(fileURLToPath(import.meta.url)), 'pam', 'pam_cdlab_otp.c');

/**
 * PATH of every session on a node: the node's own tool folder (lab-node-init
 * links there only the tools its roles have, e.g. nvidia-smi on agents) ahead
 * of /usr/bin, so `systemctl` and `docker` are the simulated ones.
 */
export function sessionPath(node: string): string {
  return `${nodeDirs(node).bin}:/usr/local/bin:/usr/bin:/bin`;
}

export function hostKeyPath(node: string, type: HostKeyType): string {
  return path.join(nodeDirs(node).ssh, `ssh_host_${type}_key`);
}

/** Generates any missing host key; `fresh` replaces all of them (rotateHostKey). */
export async function ensureHostKeys(node: string, fresh = false): Promise<void> {
  fs.mkdirSync(nodeDirs(node).ssh, { recursive: true, mode: 0o700 });
  await Promise.all(
    HOST_KEY_TYPES.map(async (type) => {
      const file = hostKeyPath(node, type);
      if (!fresh && fs.existsSync(file) && fs.existsSync(`${file}.pub`)) return;
      fs.rmSync(file, { force: true });
      fs.rmSync(`${file}.pub`, { force: true });
      await mustRun(['ssh-keygen', '-q', '-t', type, '-N', '', '-C', `root@${node}`, '-f', file]);
    }),
  );
}

export function renderSshdConfig(spec: LabNodeSpec): string {
  const dirs = nodeDirs(spec.name);
  const lines = [
    `# ClusterDeck lab sshd for ${spec.name} (test/lab/sshdConfig.ts). Regenerated on every lab up.`,
    `ListenAddress ${nodeAddress(spec)}:22`,
    ...HOST_KEY_TYPES.map((type) => `HostKey ${hostKeyPath(spec.name, type)}`),
    `PidFile ${dirs.sshdPid}`,
    'LogLevel VERBOSE',
    'UsePAM yes',
    'PubkeyAuthentication yes',
    'PasswordAuthentication yes',
    `KbdInteractiveAuthentication ${spec.keyboardInteractive ? 'yes' : 'no'}`,
    'PermitRootLogin no',
    `AllowUsers ${LAB_USER_NAMES.join(' ')}`,
    'AuthorizedKeysFile .ssh/authorized_keys',
    'AllowTcpForwarding yes',
    'X11Forwarding no',
    'PrintMotd no',
    'PrintLastLog no',
    // Tests open many connections at once; the default 10:30:100 drops some at random.
    'MaxStartups 100',
    // Non-interactive exec sessions never read a profile; SetEnv puts the node tools first there too.
    `SetEnv PATH=${sessionPath(spec.name)}`,
    'AcceptEnv LANG LC_*',
    'Subsystem sftp /usr/lib/openssh/sftp-server',
  ];
  return `${lines.join('\n')}\n`;
}

export function writeSshdConfig(spec: LabNodeSpec): void {
  const dirs = nodeDirs(spec.name);
  fs.mkdirSync(dirs.ssh, { recursive: true, mode: 0o700 });
  fs.writeFileSync(dirs.sshdConfig, renderSshdConfig(spec));
}

function renderPamService(): string {
  const otpUser = LAB_USERS.keyboardInteractive.name;
  return [
    `# ClusterDeck lab sshd (test/lab/sshdConfig.ts); removed by \`npm run lab -- down\`.`,
    '# Password first (pam_unix prompts "Password: "), then for the OTP user a',
    '# "Verification code: " prompt. Everyone else skips the code.',
    'auth     requisite pam_unix.so nodelay',
    `auth     [success=1 default=ignore] pam_succeed_if.so quiet user notin ${otpUser}`,
    `auth     requisite ${otpModule} ${otpCodeFile}`,
    'auth     required  pam_permit.so',
    'account  required  pam_unix.so',
    'session  required  pam_permit.so',
    'password required  pam_deny.so',
    '',
  ].join('\n');
}

/** Installs the sshd symlink, builds the OTP PAM module and writes /etc/pam.d/cdlab-sshd. */
export async function installSshdSupport(): Promise<void> {
  fs.mkdirSync(labFiles.bin, { recursive: true });
  fs.rmSync(sshdBinary, { force: true });
  fs.symlinkSync('/usr/sbin/sshd', sshdBinary);
  // Privilege separation directory; Debian's sshd refuses to start without it.
  fs.mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });
  fs.mkdirSync(labFiles.pam, { recursive: true });
  const sourceTime = fs.statSync(otpSource).mtimeMs;
  if (!fs.existsSync(otpModule) || fs.statSync(otpModule).mtimeMs < sourceTime) {
    await mustRun(['gcc', '-shared', '-fPIC', '-O2', '-Wall', '-o', otpModule, otpSource]);
  }
  fs.writeFileSync(otpCodeFile, `${LAB_USERS.keyboardInteractive.otp}\n`, { mode: 0o600 });
  fs.writeFileSync(PAM_FILE, renderPamService());
}

export function removeSshdSupport(): void {
  fs.rmSync(PAM_FILE, { force: true });
}

export interface HostKeyInfo {
  type: string;
  publicKey: string;
  fingerprint: string;
}

/** The node's host keys as clients see them: algorithm name, base64 blob, SHA256 fingerprint. */
export async function readHostKeys(node: string): Promise<HostKeyInfo[]> {
  return Promise.all(
    HOST_KEY_TYPES.map(async (type) => {
      const pub = fs.readFileSync(`${hostKeyPath(node, type)}.pub`, 'utf8').trim().split(/\s+/);
      const out = await mustRun(['ssh-keygen', '-l', '-E', 'sha256', '-f', `${hostKeyPath(node, type)}.pub`]);
      const fingerprint = out.split(/\s+/)[1] ?? '';
      return { type: pub[0] ?? '', publicKey: pub[1] ?? '', fingerprint };
    }),
  );
}
