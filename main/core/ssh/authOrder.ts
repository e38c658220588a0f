/**
 * The explicit order of authentication attempts for one hop, built from the
 * node's resolved settings. Pure. Never every key in ~/.ssh: an explicit key
 * path is the only key tried; without one, the agent and then OpenSSH's three
 * default identity files (the same set `ssh` uses), so sshd's MaxAuthTries
 * ("Too many authentication failures") is not tripped.
 */
import type { AuthMethod } from '../../../common/contract/schemas/profiles';

export type AuthStep =
  | { kind: 'publickey'; keyPath: string }
  | { kind: 'agent'; socket: string }
  | { kind: 'password' }
  | { kind: 'keyboard-interactive' };

export interface AuthChoice {
  authMethod: AuthMethod;
  /** Explicit key file (cluster default or node override). */
  keyPath?: string | undefined;
  /** The default identity files that exist, in OpenSSH's order; used only without keyPath. */
  defaultKeyPaths: readonly string[];
  /** Agent socket, pipe or 'pageant'; undefined when no agent is reachable. */
  agentSocket?: string | undefined;
}

/** OpenSSH's default identity file names, in its order (ssh_config(5) IdentityFile). */
export const DEFAULT_IDENTITY_FILES = ['id_ed25519', 'id_ecdsa', 'id_rsa'] as const;

export function buildAuthOrder(choice: AuthChoice): AuthStep[] {
  switch (choice.authMethod) {
    case 'key': {
      if (choice.keyPath) return [{ kind: 'publickey', keyPath: choice.keyPath }];
      const steps: AuthStep[] = [];
      if (choice.agentSocket) steps.push({ kind: 'agent', socket: choice.agentSocket });
      for (const p of choice.defaultKeyPaths.slice(0, DEFAULT_IDENTITY_FILES.length)) steps.push({ kind: 'publickey', keyPath: p });
      return steps;
    }
    case 'agent':
      return choice.agentSocket ? [{ kind: 'agent', socket: choice.agentSocket }] : [];
    case 'password':
      // Many sshd run PAM with PasswordAuthentication off: the password then
      // travels as the answer of a keyboard-interactive "Password:" prompt.
      return [{ kind: 'password' }, { kind: 'keyboard-interactive' }];
    case 'keyboard-interactive':
      return [{ kind: 'keyboard-interactive' }];
  }
}

/** The SSH method name each step uses on the wire (RFC 4252). */
export function wireMethodOf(step: AuthStep): 'publickey' | 'password' | 'keyboard-interactive' {
  return step.kind === 'agent' ? 'publickey' : step.kind;
}

/**
 * The next step to try from position `from`, skipping steps the server said
 * it does not accept (methodsLeft is null before the first failure).
 */
export function nextAuthStep(
  order: readonly AuthStep[],
  from: number,
  methodsLeft: readonly string[] | null,
): { step: AuthStep; index: number } | null {
  for (let i = from; i < order.length; i++) {
    const step = order[i];
    if (!step) continue;
    if (methodsLeft === null || methodsLeft.includes(wireMethodOf(step))) return { step, index: i };
  }
  return null;
}

/**
 * Where the agent lives: SSH_AUTH_SOCK when set; on Windows otherwise the
 * OpenSSH agent's named pipe when it exists, else Pageant (ssh2's 'pageant').
 */
export function agentSocketFor(platform: string, authSock: string | undefined, windowsPipeExists: boolean): string | undefined {
  if (authSock) return authSock;
  if (platform !== 'win32') return undefined;
  return windowsPipeExists ? '\\\\.\\pipe\\openssh-ssh-agent' : 'pageant';
}

/** Words for messages: "key ~/.ssh/id_ed25519", "password". */
export function describeAuthStep(step: AuthStep): string {
  switch (step.kind) {
    case 'publickey':
      return `key ${step.keyPath}`;
    case 'agent':
      return 'SSH agent';
    case 'password':
      return 'password';
    case 'keyboard-interactive':
      return 'keyboard-interactive';
  }
}
