/**
 * Runs a host command (ip, tc, useradd, ssh-keygen...) from an argv array and
 * turns a failure into an error that names the command and its stderr. The lab
 * runs as root; nothing here goes through a shell unless the caller asks.
 */
import { execFile } from 'node:child_process';

export interface CommandResult {
  stdout: string;
  stderr: string;
  code: number;
}

export interface CommandOptions {
  input?: string;
  timeoutMs?: number;
  env?: NodeJS.ProcessEnv;
}

/** Runs argv and resolves with its output whatever the exit code. */
export function runCommand(argv: string[], options: CommandOptions = {}): Promise<CommandResult> {
  const [file, ...args] = argv;
  if (!file) throw new Error('runCommand needs a program to run.');
  return new Promise((resolve) => {
    const child = execFile(
      file,
      args,
      { timeout: options.timeoutMs ?? 60_000, maxBuffer: 64 * 1024 * 1024, env: options.env ?? process.env },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        const extra = error && typeof error.code !== 'number' ? `${error.message}\n` : '';
        resolve({ stdout: String(stdout), stderr: extra + String(stderr), code });
      },
    );
    if (options.input !== undefined) child.stdin?.end(options.input);
    else child.stdin?.end();
  });
}

/** Runs argv and throws unless it exits 0. */
export async function mustRun(argv: string[], options: CommandOptions = {}): Promise<string> {
  const result = await runCommand(argv, options);
  if (result.code !== 0) {
    throw new Error(`Lab command failed (exit ${result.code}): ${argv.join(' ')}\n${result.stderr.trim()}`);
  }
  return result.stdout;
}
