/**
 * Authenticates one hop in the explicit order of authOrder.ts through ssh2's
 * authHandler callback form: each step is prepared (key read and decrypted,
 * password looked up or asked) only when its turn comes, after the host key
 * was accepted. Keyboard-interactive prompts are relayed to a person, except
 * a lone "Password:" prompt that the saved password answers once.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { AnyAuthMethod, AuthenticationType, AuthHandlerMiddleware, KeyboardInteractiveCallback, ParsedKey, Prompt } from 'ssh2';
import { ApiError } from '../../../common/contract/errors';
import type { EventSink } from '../../../common/contract/events';
import type { CredentialSource } from '../secrets/credentialSource';
import { agentSocketFor, buildAuthOrder, DEFAULT_IDENTITY_FILES, describeAuthStep, nextAuthStep, type AuthStep } from './authOrder';
import { hopAddress, type NodeTarget, type SshHop } from './nodeTarget';
import type { PendingPrompts } from './pendingPrompts';
import { loadPrivateKey } from './privateKeyFile';

export type AuthAnswer = { answers: string[]; remember: boolean } | 'cancel';

export interface AuthEnvironment {
  homeDir: string;
  platform: string;
  authSock: string | undefined;
  credentials: CredentialSource;
  prompts: PendingPrompts<AuthAnswer>;
  events: EventSink;
  promptTimeoutMs: number;
  /**
   * Decrypted keys by path, for the engine's lifetime (as ssh-agent holds
   * them): bcrypt_pbkdf in pure JS takes seconds per decryption, too slow to
   * repeat on every reconnect.
   */
  keyCache: Map<string, { mtimeMs: number; key: ParsedKey }>;
}

export interface HopAuthState {
  /** Set when a step could not even be tried (wrong passphrase, cancelled prompt): the real reason. */
  fatal?: ApiError;
  tried: string[];
  /** The step being tried; after 'ready' it is the one that succeeded. */
  current?: AuthStep;
}

export function authOrderFor(hop: SshHop, env: Pick<AuthEnvironment, 'homeDir' | 'platform' | 'authSock'>): AuthStep[] {
  const defaults = DEFAULT_IDENTITY_FILES.map((f) => join(env.homeDir, '.ssh', f)).filter((p) => existsSync(p));
  const pipe = env.platform === 'win32' && existsSync('\\\\.\\pipe\\openssh-ssh-agent');
  return buildAuthOrder({
    authMethod: hop.authMethod,
    keyPath: hop.keyPath,
    defaultKeyPaths: defaults,
    agentSocket: agentSocketFor(env.platform, env.authSock, pipe),
  });
}

export function describeNoAuth(hop: SshHop): string {
  if (hop.authMethod === 'agent') return `No SSH agent is running for ${hopAddress(hop)} (SSH_AUTH_SOCK is not set). Start the agent or choose another login method.`;
  return `No key file is set for ${hopAddress(hop)} and none of ~/.ssh/id_ed25519, id_ecdsa, id_rsa exists. Set a key path in the SSH settings.`;
}

interface HopAuthOptions {
  env: AuthEnvironment;
  target: NodeTarget;
  hop: SshHop;
  interactive: boolean;
  onPrompt: (open: boolean) => void;
  state: HopAuthState;
}

function statMtime(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return -1;
  }
}

export function makeAuthHandler(o: HopAuthOptions): AuthHandlerMiddleware {
  const { env, target, hop, state } = o;
  const order = authOrderFor(hop, env);
  const where = hopAddress(hop);
  // Jump hosts only use cluster-wide secrets, and never remember new ones:
  // a node-scoped secret must never be sent to a bastion.
  const lookupScope = hop.isJump ? { clusterId: target.clusterId } : { nodeId: target.nodeId, clusterId: target.clusterId };
  const rememberScope = hop.isJump ? undefined : { nodeId: target.nodeId };
  let passwordGiven: string | undefined;
  let kbdPasswordUsed = false;
  let index = 0;

  const ask = async (kind: 'password' | 'passphrase' | 'keyboard-interactive', title: string, instructions: string, prompts: Prompt[], canRemember: boolean) => {
    if (!o.interactive) {
      throw new ApiError('auth_failed', `${where} asks for ${kind === 'keyboard-interactive' ? 'an answer to a login prompt' : `a ${kind}`}, and this background check cannot ask you. Use Test connection on ${target.nodeName}, or save the ${kind} in the cluster settings.`);
    }
    o.onPrompt(true);
    try {
      const answer = await env.prompts.ask({
        timeoutMs: env.promptTimeoutMs,
        timeoutMessage: `Nobody answered the login prompt of ${where} in time, so ClusterDeck gave up connecting.`,
        announce: (promptId) =>
          env.events.emit('auth.prompt', {
            promptId,
            nodeId: target.nodeId,
            nodeName: target.nodeName,
            host: hop.host,
            port: hop.port,
            user: hop.user,
            kind,
            title,
            instructions,
            prompts: prompts.map((p) => ({ prompt: p.prompt, echo: p.echo ?? false })),
            canRemember: canRemember && rememberScope !== undefined,
          }),
      });
      if (answer === 'cancel') throw new ApiError('cancelled', `Login to ${where} was cancelled.`);
      return answer;
    } finally {
      o.onPrompt(false);
    }
  };

  const password = async (): Promise<string> => {
    if (passwordGiven !== undefined) return passwordGiven;
    const saved = env.credentials.lookup('ssh-password', lookupScope);
    if (saved !== undefined) return (passwordGiven = saved);
    const a = await ask('password', `Password for ${hop.user}@${hop.host}`, '', [{ prompt: 'Password:', echo: false }], true);
    const value = a.answers[0] ?? '';
    if (a.remember && rememberScope) env.credentials.remember('ssh-password', rememberScope, value);
    return (passwordGiven = value);
  };

  const relayKeyboard = (name: string, instructions: string, _lang: string, prompts: Prompt[], finish: KeyboardInteractiveCallback) => {
    const lonePassword = prompts.length === 1 && !prompts[0]?.echo && /password/i.test(prompts[0]?.prompt ?? '');
    void (async () => {
      if (lonePassword && !kbdPasswordUsed && (passwordGiven !== undefined || env.credentials.lookup('ssh-password', lookupScope) !== undefined)) {
        kbdPasswordUsed = true;
        return [await password()];
      }
      const a = await ask('keyboard-interactive', name || `Login to ${hop.user}@${hop.host}`, instructions, prompts, lonePassword);
      if (lonePassword && a.remember && rememberScope && a.answers[0] !== undefined) env.credentials.remember('ssh-password', rememberScope, a.answers[0]);
      return a.answers;
    })().then(finish, (err: unknown) => {
      state.fatal = err instanceof ApiError ? err : new ApiError('auth_failed', `Login to ${where} failed while answering its prompt.`);
      // Empty answers make the server fail this round; the handler then stops.
      finish([]);
    });
  };

  const prepare = async (step: AuthStep): Promise<AnyAuthMethod> => {
    const username = hop.user;
    switch (step.kind) {
      case 'publickey': {
        const mtimeMs = statMtime(step.keyPath);
        const cached = env.keyCache.get(step.keyPath);
        if (cached && cached.mtimeMs === mtimeMs) return { type: 'publickey', username, key: cached.key };
        // Decrypting is local work that can take seconds: it must not count against the login timeout.
        o.onPrompt(true);
        try {
          const key = await loadPrivateKey(step.keyPath, where, {
            saved: () => env.credentials.lookup('key-passphrase', lookupScope),
            ask: async () => {
              const a = await ask('passphrase', `Passphrase for key ${step.keyPath}`, `The key for ${where} is encrypted.`, [{ prompt: 'Passphrase:', echo: false }], true);
              return { passphrase: a.answers[0] ?? '', remember: a.remember };
            },
            remember: (p) => rememberScope && env.credentials.remember('key-passphrase', rememberScope, p),
          });
          env.keyCache.set(step.keyPath, { mtimeMs, key });
          return { type: 'publickey', username, key };
        } finally {
          o.onPrompt(false);
        }
      }
      case 'agent':
        return { type: 'agent', username, agent: step.socket };
      case 'password':
        return { type: 'password', username, password: await password() };
      case 'keyboard-interactive':
        return { type: 'keyboard-interactive', username, prompt: relayKeyboard };
    }
  };

  const stop = false as unknown as AuthenticationType;
  return (methodsLeft, _partialSuccess, next) => {
    if (state.fatal) return next(stop);
    if (order.length === 0) {
      state.fatal = new ApiError('auth_failed', describeNoAuth(hop));
      return next(stop);
    }
    const found = nextAuthStep(order, index, methodsLeft ?? null);
    if (!found) return next(stop);
    // The server still offers "password" after refusing ours: the password is wrong,
    // and sending it again as a keyboard-interactive answer would only count one more failure.
    const passwordRefused = state.current?.kind === 'password' && (methodsLeft ?? []).includes('password');
    if (passwordRefused && found.step.kind === 'keyboard-interactive' && hop.authMethod === 'password') return next(stop);
    index = found.index + 1;
    state.current = found.step;
    state.tried.push(describeAuthStep(found.step));
    prepare(found.step).then(next, (err: unknown) => {
      state.fatal = err instanceof ApiError ? err : new ApiError('auth_failed', `Could not prepare the login to ${where}.`);
      next(stop);
    });
  };
}
