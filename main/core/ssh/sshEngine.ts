/**
 * The SSH engine: the only way core reaches a node. Composes the pool, host
 * key trust, login prompts, exec and sudo. Every remote command arrives as an
 * argv array and is quoted by quoteArgv.ts; nothing else builds a command line.
 */
import { ApiError } from '../../../common/contract/errors';
import type { EventSink } from '../../../common/contract/events';
import type { ConnectionTest } from '../../../common/contract/schemas/ssh';
import type { CredentialSource } from '../secrets/credentialSource';
import { DEFAULT_BACKOFF, type BackoffOptions } from './backoff';
import { createConnectionPool, type ConnectionPool } from './connectionPool';
import { runOnChannel, type ExecResult, type StderrFilter } from './execChannel';
import type { HostKeyDecision, HostKeyTrust } from './hostKeyVerifier';
import type { ChainDeps } from './hopChain';
import type { HostKeyStore, KnownHostsFile } from './hostKeyStore';
import type { AuthAnswer } from './hopAuth';
import { hopAddress, type NodeTarget } from './nodeTarget';
import { createPendingPrompts } from './pendingPrompts';
import { quoteArgv, quoteChangeDir } from './quoteArgv';
import { nopasswdArgv, sudoRefusal, passwordSudo, SUDO_PROBE_ARGV, sudoKindFromProbe, type SudoKind } from './sudo';

export type { ExecResult } from './execChannel';

export interface EngineOptions {
  channelLimit: number;
  idleMs: number;
  connectTimeoutMs: number;
  keepaliveIntervalMs: number;
  keepaliveCountMax: number;
  backoff: BackoffOptions;
  promptTimeoutMs: number;
  execTimeoutMs: number;
  maxOutputBytes: number;
  killGraceMs: number;
}

export const DEFAULT_ENGINE_OPTIONS: EngineOptions = {
  channelLimit: 10, // sshd_config(5) MaxSessions default
  idleMs: 120_000,
  connectTimeoutMs: 15_000,
  // 15 s x 3 unanswered: a dead link is noticed within ~45 s, like ServerAliveInterval 15.
  keepaliveIntervalMs: 15_000,
  keepaliveCountMax: 3,
  backoff: DEFAULT_BACKOFF,
  promptTimeoutMs: 300_000,
  execTimeoutMs: 120_000,
  maxOutputBytes: 16 * 1024 * 1024,
  killGraceMs: 1000,
};

export interface ExecOptions {
  stdin?: string | Buffer;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** For collected (non-streaming) output; past it `truncated` is true. */
  maxOutputBytes?: number;
  onStdout?: (chunk: Buffer) => void;
  onStderr?: (chunk: Buffer) => void;
  /** For streamed output with its own backpressure (log follows): called once the channel is open, to pause and resume its stdout. */
  onFlow?: (flow: { pause(): void; resume(): void }) => void;
  sudo?: boolean;
  /** Remote working directory, entered with `cd --` before the command. */
  cwd?: string;
  /** False for background work (status sweeps): unknown host keys and prompts fail fast. Default true. */
  interactive?: boolean;
}

export interface SshEngineDeps {
  events: EventSink;
  hostKeys: HostKeyStore;
  knownHostsFile: KnownHostsFile;
  credentials: CredentialSource;
  homeDir: string;
  /** Resolves a node id to how to reach it (store lookup + resolveNodeTarget). */
  lookupNode: (nodeId: string) => NodeTarget | Promise<NodeTarget>;
  platform?: string;
  authSock?: string | undefined;
  options?: Partial<EngineOptions>;
}

export type SshEngine = ReturnType<typeof createSshEngine>;

export function createSshEngine(deps: SshEngineDeps) {
  const options: EngineOptions = { ...DEFAULT_ENGINE_OPTIONS, ...deps.options };
  const closed = (promptId: string, reason: 'answered' | 'timeout' | 'cancelled') => deps.events.emit('prompt.closed', { promptId, reason });
  const trust: HostKeyTrust = {
    store: deps.hostKeys,
    file: deps.knownHostsFile,
    prompts: createPendingPrompts<HostKeyDecision>(closed),
    events: deps.events,
    promptTimeoutMs: options.promptTimeoutMs,
    trustedOnce: new Set(),
    observed: new Map(),
  };
  const authPrompts = createPendingPrompts<AuthAnswer>(closed);
  const chainDeps: ChainDeps = {
    trust,
    auth: {
      homeDir: deps.homeDir,
      platform: deps.platform ?? process.platform,
      authSock: deps.authSock,
      credentials: deps.credentials,
      prompts: authPrompts,
      events: deps.events,
      promptTimeoutMs: options.promptTimeoutMs,
      keyCache: new Map(),
    },
  };
  const pool: ConnectionPool = createConnectionPool(chainDeps, deps.events, options);
  const sudoKinds = new Map<string, SudoKind>();

  const nodeWhere = (t: NodeTarget) => {
    const last = t.hops[t.hops.length - 1];
    return last ? hopAddress(last) : t.nodeName;
  };

  async function runArgv(target: NodeTarget, argv: readonly string[], opts: ExecOptions, filter?: StderrFilter): Promise<ExecResult> {
    const command = opts.cwd ? `${quoteChangeDir(opts.cwd)} && ${quoteArgv(argv)}` : quoteArgv(argv);
    const shown = argv.join(' ');
    const label = `\`${shown.length > 80 ? `${shown.slice(0, 77)}...` : shown}\``;
    const lease = await pool.acquire(target, { interactive: opts.interactive ?? true, ...(opts.signal ? { signal: opts.signal } : {}) });
    return runOnChannel(lease, {
      command,
      label,
      where: nodeWhere(target),
      timeoutMs: opts.timeoutMs ?? options.execTimeoutMs,
      maxOutputBytes: opts.maxOutputBytes ?? options.maxOutputBytes,
      killGraceMs: options.killGraceMs,
      ...(opts.stdin !== undefined ? { stdin: opts.stdin } : {}),
      ...(opts.signal ? { signal: opts.signal } : {}),
      ...(opts.onStdout ? { onStdout: opts.onStdout } : {}),
      ...(opts.onStderr ? { onStderr: opts.onStderr } : {}),
      ...(opts.onFlow ? { onFlow: opts.onFlow } : {}),
      ...(filter ? { stderrFilter: filter } : {}),
    });
  }

  async function sudoKindOf(target: NodeTarget, opts: ExecOptions): Promise<SudoKind> {
    if (target.sudoMode !== 'auto') return target.sudoMode;
    const known = sudoKinds.get(target.nodeId);
    if (known) return known;
    const probe = await runArgv(target, SUDO_PROBE_ARGV, { timeoutMs: 20_000, interactive: opts.interactive ?? true });
    const kind = sudoKindFromProbe(probe.exitCode, probe.stderr);
    // "none" is not remembered: an operator who fixes sudoers expects the next try to work.
    if (kind !== 'none') sudoKinds.set(target.nodeId, kind);
    return kind;
  }

  const notAllowed = (target: NodeTarget, argv: readonly string[]) =>
    new ApiError(
      'permission',
      target.sudoMode === 'none'
        ? `sudo is turned off for this cluster, so ${argv[0] ?? 'the command'} cannot run as root on ${target.nodeName}. Change the sudo mode in the cluster settings.`
        : `sudo on ${target.nodeName} does not let this user run commands as root. Ask the node's administrator, or set sudo to "none" for this cluster.`,
    );

  async function execSudo(target: NodeTarget, argv: readonly string[], opts: ExecOptions): Promise<ExecResult> {
    const kind = await sudoKindOf(target, opts);
    if (kind === 'none') throw notAllowed(target, argv);
    if (kind === 'nopasswd') {
      const result = await runArgv(target, nopasswdArgv(argv), opts);
      const refusal = sudoRefusal(result.exitCode, result.stderr);
      if (refusal) sudoKinds.delete(target.nodeId); // the rule changed since the probe: probe again next time
      if (refusal === 'password-needed') {
        throw new ApiError('permission', `sudo on ${target.nodeName} now asks for a password. Save the sudo password in the cluster settings (sudo mode "auto" or "password").`);
      }
      if (refusal === 'not-allowed') throw notAllowed(target, argv);
      return result;
    }
    const password = deps.credentials.lookup('sudo-password', { nodeId: target.nodeId, clusterId: target.clusterId });
    if (password === undefined) {
      throw new ApiError('permission', `sudo on ${target.nodeName} needs a password and none is saved. Save the sudo password in the cluster settings.`);
    }
    const sudo = passwordSudo(argv, password, target.nodeName);
    const result = await runArgv(target, sudo.argv, opts, sudo.filter);
    if (!sudo.hasStarted()) {
      // sudo ended before the command ran, in words the watcher did not know.
      const said = result.stderr.trim().split('\n')[0] ?? '';
      throw new ApiError('permission', `sudo on ${target.nodeName} did not run the command${said ? ` ("${said.slice(0, 160)}")` : ''}. Check the sudo password and rules for this user.`);
    }
    return result;
  }

  return {
    options,
    pool,
    /** Run argv on a node. Output is collected unless onStdout/onStderr stream it. */
    async exec(nodeId: string, argv: readonly string[], opts: ExecOptions = {}): Promise<ExecResult> {
      const target = await deps.lookupNode(nodeId);
      return opts.sudo ? execSudo(target, argv, opts) : runArgv(target, argv, opts);
    },

    async testConnection(nodeId: string): Promise<ConnectionTest> {
      const target = await deps.lookupNode(nodeId);
      const lease = await pool.acquire(target, { interactive: true });
      const started = performance.now();
      const result = await runOnChannel(lease, {
        command: 'true',
        label: '`true`',
        where: nodeWhere(target),
        timeoutMs: options.connectTimeoutMs,
        maxOutputBytes: 4096,
        killGraceMs: options.killGraceMs,
      });
      const latencyMs = Math.round((performance.now() - started) * 10) / 10;
      if (result.exitCode !== 0) throw new ApiError('remote_failed', `${nodeWhere(target)} accepted the login but could not run \`true\` (exit ${String(result.exitCode)}).`);
      const hops = lease.chain.hops;
      const last = hops[hops.length - 1];
      if (!last) throw new ApiError('internal', 'No connection hops.');
      const key = (h: (typeof hops)[number]) => ({ type: h.hostKey.keyType, fingerprint: h.hostKey.fingerprint });
      return {
        latencyMs,
        authMethod: last.authMethod,
        serverVersion: last.serverVersion,
        hostKey: key(last),
        jumpHops: hops.slice(0, -1).map((h) => ({ host: h.hop.host, port: h.hop.port, authMethod: h.authMethod, serverVersion: h.serverVersion, hostKey: key(h) })),
      };
    },

    answerHostKeyPrompt(promptId: string, decision: HostKeyDecision): boolean {
      return trust.prompts.answer(promptId, decision);
    },
    answerAuthPrompt(promptId: string, answer: AuthAnswer): boolean {
      return authPrompts.answer(promptId, answer);
    },
    /** Internal to the ssh domain calls (hostKeyCalls.ts). */
    trust,
    chainDeps,
    lookupNode: deps.lookupNode,
    sudoKindOf: (nodeId: string) => sudoKinds.get(nodeId),
    resume: () => pool.resume(),
    async close() {
      const err = new ApiError('cancelled', 'ClusterDeck is closing.');
      trust.prompts.cancelAll(err);
      authPrompts.cancelAll(err);
      await pool.close();
    },
  };
}
