/**
 * Runs OpenSSH's own `ssh` against the lab (never the app's code), with host
 * keys checked strictly against known_hosts built from lab.json, and answers
 * to password / passphrase / "Verification code:" prompts given through a
 * small SSH_ASKPASS script that also records every prompt it was shown.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LabInfo, LabNodeInfo } from '../../lab/labInfo';
import { writeKnownHosts } from '../../lab/labKnownHosts';

export type SshAuth =
  | { kind: 'key'; keyPath: string }
  | { kind: 'password'; password: string }
  | { kind: 'passphrase'; keyPath: string; passphrase: string }
  | { kind: 'keyboard-interactive'; password: string; otp: string };

export interface SshTarget {
  node: LabNodeInfo;
  user: string;
  auth: SshAuth;
  /** Reach the node through this jump host (same user and key auth on both hops). */
  jump?: LabNodeInfo;
}

export interface SshResult {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
  /** Prompts the askpass script answered, in order. */
  prompts: string[];
}

const ASKPASS = `#!/bin/sh
printf '%s\\n' "$1" >> "$CDLAB_ASKPASS_LOG"
case "$1" in
  *"Verification code"*) printf '%s\\n' "$CDLAB_ASKPASS_OTP" ;;
  *passphrase*) printf '%s\\n' "$CDLAB_ASKPASS_PASSPHRASE" ;;
  *assword*) printf '%s\\n' "$CDLAB_ASKPASS_PASSWORD" ;;
  *) exit 1 ;;
esac
`;

export interface RunOptions {
  timeoutMs?: number;
  connectTimeoutS?: number;
  input?: string;
  /** Extra ssh_config lines, e.g. 'ServerAliveInterval 1'. */
  config?: string[];
  /** Called with each stdout chunk as it arrives. */
  onStdout?: (chunk: string) => void;
}

/** A private folder per test file: known_hosts, ssh config, askpass script. */
export class OpensshClient {
  readonly dir: string;
  readonly knownHosts: string;
  private readonly askpass: string;
  private calls = 0;

  constructor(info: LabInfo) {
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdlab-ssh-'));
    this.knownHosts = writeKnownHosts(info, path.join(this.dir, 'known_hosts'));
    this.askpass = path.join(this.dir, 'askpass');
    fs.writeFileSync(this.askpass, ASKPASS, { mode: 0o700 });
  }

  dispose(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }

  private writeConfig(target: SshTarget, connectTimeoutS: number, extra: string[]): string {
    const { auth } = target;
    const lines = [
      'Host *',
      // First value wins in ssh_config, so the caller's lines go first.
      ...extra.map((line) => `  ${line}`),
      `  UserKnownHostsFile ${this.knownHosts}`,
      '  GlobalKnownHostsFile /dev/null',
      '  StrictHostKeyChecking yes',
      '  UpdateHostKeys no',
      `  ConnectTimeout ${connectTimeoutS}`,
      '  IdentitiesOnly yes',
      '  NumberOfPasswordPrompts 1',
      '  LogLevel ERROR',
      `  BatchMode ${auth.kind === 'key' ? 'yes' : 'no'}`,
    ];
    if (auth.kind === 'key' || auth.kind === 'passphrase') {
      lines.push(`  IdentityFile ${auth.keyPath}`, '  PreferredAuthentications publickey');
    } else {
      lines.push('  PubkeyAuthentication no', `  PreferredAuthentications ${auth.kind}`);
    }
    const file = path.join(this.dir, `config-${++this.calls}`);
    fs.writeFileSync(file, `${lines.join('\n')}\n`);
    return file;
  }

  /** Runs `command` on the target node; resolves with whatever happened (never throws on ssh failure). */
  run(target: SshTarget, command: string, options: RunOptions = {}): Promise<SshResult> {
    const config = this.writeConfig(target, options.connectTimeoutS ?? 5, options.config ?? []);
    const promptLog = path.join(this.dir, `prompts-${this.calls}`);
    fs.writeFileSync(promptLog, '');
    const { auth } = target;
    const args = ['-F', config];
    if (target.jump) args.push('-J', `${target.user}@${target.jump.host}:${target.jump.port}`);
    args.push('-p', String(target.node.port), `${target.user}@${target.node.host}`, command);
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: this.dir,
      SSH_ASKPASS: this.askpass,
      SSH_ASKPASS_REQUIRE: auth.kind === 'key' ? 'never' : 'force',
      CDLAB_ASKPASS_LOG: promptLog,
      CDLAB_ASKPASS_PASSWORD: auth.kind === 'password' || auth.kind === 'keyboard-interactive' ? auth.password : '',
      CDLAB_ASKPASS_OTP: auth.kind === 'keyboard-interactive' ? auth.otp : '',
      CDLAB_ASKPASS_PASSPHRASE: auth.kind === 'passphrase' ? auth.passphrase : '',
    };
    const started = Date.now();
    return new Promise((resolve) => {
      const child = execFile('ssh', args, { env, timeout: options.timeoutMs ?? 30_000 }, (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        const prompts = fs.readFileSync(promptLog, 'utf8').split('\n').filter(Boolean);
        resolve({ code, stdout: String(stdout), stderr: String(stderr), ms: Date.now() - started, prompts });
      });
      if (options.onStdout) child.stdout?.on('data', (chunk: Buffer | string) => options.onStdout?.(String(chunk)));
      child.stdin?.end(options.input ?? '');
    });
  }
}

export function keyUser(info: LabInfo, node: LabNodeInfo, keyPath = info.users.key.keyPath): SshTarget {
  return { node, user: info.users.key.name, auth: { kind: 'key', keyPath } };
}
