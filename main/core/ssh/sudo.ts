/**
 * sudo for one node: which kind it is (probed once with `sudo -n true`,
 * remembered), the argv that runs a command under it, and the stderr filter
 * that answers sudo's own prompt with the saved password. Why `sudo -S -p
 * <nonce>`: the password goes only to the exact prompt sudo prints, once;
 * never on a command line (visible in ps), never piped blindly into the
 * command, never logged. `-k` makes sudo always ask, so the exchange is the
 * same every time; the `sh -c` wrapper prints a start marker after sudo let
 * the command run, and only then does the caller's stdin flow.
 */
import { randomBytes } from 'node:crypto';
import type { ClientChannel } from 'ssh2';
import { ApiError } from '../../../common/contract/errors';
import type { StderrFilter } from './execChannel';
import { initialSudoWatch, stepSudoWatch, sudoTokens, type SudoWatchState } from './sudoPrompt';

export type SudoKind = 'nopasswd' | 'password' | 'none';

/** Reads the result of `sudo -n true`. */
export function sudoKindFromProbe(exitCode: number | null, stderr: string): SudoKind {
  if (exitCode === 0) return 'nopasswd';
  if (/password is required|a terminal is required/i.test(stderr)) return 'password';
  return 'none';
}

export const SUDO_PROBE_ARGV = ['sudo', '-n', 'true'];

export function nopasswdArgv(argv: readonly string[]): string[] {
  return ['sudo', '-n', '--', ...argv];
}

export interface PasswordSudo {
  argv: string[];
  filter: StderrFilter;
  /** Whether sudo let the command start (the start marker was seen). */
  hasStarted(): boolean;
}

export function passwordSudo(argv: readonly string[], password: string, nodeName: string): PasswordSudo {
  const tokens = sudoTokens(randomBytes(12).toString('hex'));
  let state: SudoWatchState = initialSudoWatch;
  let failure: ApiError | undefined;
  let started = false;
  let resolveStdin!: () => void;
  const stdinReady = new Promise<void>((resolve) => {
    resolveStdin = resolve;
  });
  const markStarted = () => {
    started = true;
    resolveStdin();
  };
  return {
    hasStarted: () => started,
    argv: ['sudo', '-k', '-S', '-p', tokens.prompt, '--', 'sh', '-c', 'printf %s "$0" >&2; exec "$@"', tokens.started, ...argv],
    filter: {
      stdinReady,
      failure: () => failure,
      filter(chunk: Buffer, channel: ClientChannel): Buffer {
        const step = stepSudoWatch(state, chunk.toString('latin1'), tokens);
        state = step.state;
        if (step.sendPassword) channel.write(`${password}\n`);
        if (step.started) markStarted();
        if (step.refused) {
          failure =
            step.refusal === 'wrong-password'
              ? new ApiError('permission', `sudo on ${nodeName} refused the saved password. Update the sudo password in the cluster settings.`)
              : new ApiError('permission', `sudo on ${nodeName} does not let this user run commands. Ask the node's administrator, or set sudo to "none" for this cluster.`);
        }
        return Buffer.from(step.passthrough, 'latin1');
      },
    },
  };
}

/** Why a `sudo -n` command did not run, read from sudo's own words; undefined when sudo let it run. */
export function sudoRefusal(exitCode: number | null, stderr: string): 'password-needed' | 'not-allowed' | undefined {
  if (exitCode !== 1) return undefined;
  if (/^sudo: (a password is required|a terminal is required)/m.test(stderr)) return 'password-needed';
  if (/^Sorry, user .* may not run sudo|is not in the sudoers file|is not allowed to execute/m.test(stderr)) return 'not-allowed';
  return undefined;
}
