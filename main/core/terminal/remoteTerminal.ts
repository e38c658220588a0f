/**
 * Opens a terminal on a node: resolves a shortcut to its command (the
 * service's container from `docker ps`, its unit, the manager folder), leases
 * a channel slot on the node's pooled connection and opens a PTY channel on it.
 * The lease is held for the terminal's life and released when it closes.
 */
import { ApiError } from '../../../common/contract/errors';
import type { ServiceEntry } from '../../../common/contract/schemas/services';
import type { TerminalShortcut } from '../../../common/contract/schemas/terminal';
import { containersOfService } from '../catalog/containerMatch';
import { DOCKER_PS_ARGV, parseDockerPsJson } from '../catalog/dockerPs';
import { hopAddress, type NodeTarget } from '../ssh/nodeTarget';
import { quoteArgv, quoteChangeDir } from '../ssh/quoteArgv';
import type { SshEngine } from '../ssh/sshEngine';
import { openShellChannel } from './remoteShell';
import {
  containerShellArgv,
  DBSHELL_ARGV,
  journalFollowArgv,
  journalUnitOf,
  pickServiceContainer,
  requireComposeService,
  shortcutLabel,
  type ShortcutCommand,
} from './terminalShortcuts';
import type { TerminalSource } from './terminalSource';

/**
 * How long opening waits for a free channel slot on the node's connection
 * (other work holds slots only for seconds; a slot held longer means sshd's
 * MaxSessions is used up by long streams such as log follows).
 */
export const SLOT_WAIT_MS = 20_000;

export interface RemoteTerminalRequest {
  nodeId: string;
  cols: number;
  rows: number;
  command?: TerminalShortcut | undefined;
}

export interface RemoteShell {
  source: TerminalSource;
  title: string;
}

export interface RemoteTerminalDeps {
  engine: Pick<SshEngine, 'pool' | 'lookupNode' | 'exec'>;
  /** "<cluster name>" for the tab title. */
  clusterNameOf(nodeId: string): string;
  /** The named service of the node (catalog + overrides), or a not_found ApiError. */
  serviceOnNode(nodeId: string, serviceId: string): ServiceEntry;
  managerDirOf(nodeId: string): string;
  /** The audit trail: a shell on a node is an action like any other (what, on which node, did it open). */
  recordOpen?(nodeId: string, what: string, outcome: { ok: true } | { ok: false; message: string }): void;
  slotWaitMs?: number;
}

export async function openRemoteShell(deps: RemoteTerminalDeps, request: RemoteTerminalRequest): Promise<RemoteShell> {
  const what = request.command ? `open terminal (${request.command.kind}${'serviceId' in request.command ? ` ${request.command.serviceId}` : ''})` : 'open terminal';
  try {
    const shell = await openShell(deps, request);
    deps.recordOpen?.(request.nodeId, what, { ok: true });
    return shell;
  } catch (err) {
    deps.recordOpen?.(request.nodeId, what, { ok: false, message: err instanceof Error ? err.message : String(err) });
    throw err;
  }
}

async function openShell(deps: RemoteTerminalDeps, request: RemoteTerminalRequest): Promise<RemoteShell> {
  const target = await deps.engine.lookupNode(request.nodeId);
  const shortcut = request.command ? await shortcutCommand(deps, target, request.command) : undefined;
  const command = shortcut ? (shortcut.cwd ? `${quoteChangeDir(shortcut.cwd)} && ${quoteArgv(shortcut.argv)}` : quoteArgv(shortcut.argv)) : undefined;
  const where = whereOf(target);
  const waitMs = deps.slotWaitMs ?? SLOT_WAIT_MS;
  const signal = AbortSignal.timeout(waitMs);
  let lease;
  try {
    lease = await deps.engine.pool.acquire(target, { interactive: true, signal });
  } catch (err) {
    if (err instanceof ApiError && err.code === 'cancelled' && signal.aborted) {
      throw new ApiError(
        'timeout',
        `No free SSH channel to ${where} within ${Math.round(waitMs / 1000)} s: its connection already carries as many channels as sshd allows (MaxSessions). Close a terminal or log stream on ${target.nodeName}, then try again.`,
      );
    }
    throw err;
  }
  const source = await openShellChannel(lease, { ...(command !== undefined ? { command } : {}), cols: request.cols, rows: request.rows, where });
  const title = `${deps.clusterNameOf(request.nodeId)} / ${target.nodeName}${shortcut ? ` · ${shortcut.label}` : ''}`;
  return { source, title };
}

async function shortcutCommand(deps: RemoteTerminalDeps, target: NodeTarget, shortcut: TerminalShortcut): Promise<ShortcutCommand> {
  if (shortcut.kind === 'dbshell') {
    return { argv: DBSHELL_ARGV, cwd: deps.managerDirOf(target.nodeId), label: shortcutLabel(shortcut) };
  }
  const service = deps.serviceOnNode(target.nodeId, shortcut.serviceId);
  if (shortcut.kind === 'journal') {
    const unit = journalUnitOf(service, target.nodeName);
    return { argv: journalFollowArgv(unit, target.sudoMode !== 'none'), label: shortcutLabel(shortcut, service) };
  }
  const compose = requireComposeService(service, target.nodeName);
  const ps = await deps.engine.exec(target.nodeId, DOCKER_PS_ARGV, { timeoutMs: 20_000 });
  const { containers, messages } = parseDockerPsJson(ps.stdout);
  if (ps.exitCode !== 0) {
    const said = (messages[0] ?? ps.stderr.trim().split('\n')[0] ?? '').slice(0, 200);
    throw new ApiError('remote_failed', `\`docker ps\` failed on ${whereOf(target)} (exit ${String(ps.exitCode)}${said ? `: ${said}` : ''}), so the container of ${service.label} could not be found.`);
  }
  const container = pickServiceContainer(compose, containersOfService(compose, containers), target.nodeName);
  return { argv: containerShellArgv(container), label: shortcutLabel(shortcut, service) };
}

function whereOf(target: NodeTarget): string {
  const last = target.hops[target.hops.length - 1];
  return last ? hopAddress(last) : target.nodeName;
}
