/**
 * Reads one service's log on one node: runs the log command (logCommands.ts)
 * with streamed stdout, parses it (logStream.ts) and hands entries on as they
 * come. An idle stream flushes the held last entry after a moment, so a line
 * shows even when nothing follows it. Cancelled through the signal: the SSH
 * engine then signals the remote process group and closes the channel, which
 * ends journalctl -f / compose logs -f on the node.
 *
 * journalctl shows an unprivileged user only their own lines and says so on
 * stderr; with sudo "auto" the read is started again under sudo when it does.
 */
import { toApiError } from '../../../../common/contract/errors';
import type { LogNodeState, LogSudo } from '../../../../common/contract/schemas/logs';
import type { ComposeCli, ServiceEntry } from '../../../../common/contract/schemas/services';
import type { SshEngine } from '../../ssh/sshEngine';
import { serviceLogsCommand, type LogCommand, type LogQuery } from './logCommands';
import type { LogEntry } from './logEntry';
import { createLogStream } from './logStream';

/** Idle this long, the last entry is complete: a traceback's lines arrive in one burst. */
export const IDLE_FLUSH_MS = 300;
/** A read without follow of 200,000 lines takes seconds; two minutes means the node is stuck. */
const READ_TIMEOUT_MS = 120_000;
/** A follow runs until closed; setTimeout's ceiling is 2^31-1 ms (24.8 days), past it Node fires at once. */
const FOLLOW_TIMEOUT_MS = 2_147_000_000;

/** systemd's words when the caller may not read the system journal (journalctl.c). */
const JOURNAL_HIDDEN = /not seeing messages from other users and the system|No journal files were opened due to insufficient permissions/;

export function journalHidesLines(stderr: string): boolean {
  return JOURNAL_HIDDEN.test(stderr);
}

export interface NodeLogRead {
  engine: SshEngine;
  nodeId: string;
  nodeName: string;
  service: ServiceEntry;
  query: LogQuery;
  composeCli: ComposeCli | null;
  /** The SSH user may not use the docker socket: compose runs under sudo. */
  composeSudo: boolean;
  sudo: LogSudo;
  signal: AbortSignal;
  onEntries(entries: LogEntry[]): void;
  onState(state: LogNodeState, detail?: { message?: string; command?: string }): void;
  /** Pause/resume of each channel the read opens (flow control); returns its detach. */
  onFlow?: (flow: { pause(): void; resume(): void }) => () => void;
}

export function nodeLogCommand(read: Pick<NodeLogRead, 'service' | 'query' | 'composeCli' | 'composeSudo'>, sudo: boolean): LogCommand {
  return serviceLogsCommand(read.service, read.query, { composeCli: read.composeCli, sudo: read.service.kind === 'compose' ? read.composeSudo : sudo });
}

type Outcome = 'done' | 'retry-with-sudo';

async function readOnce(read: NodeLogRead, useSudo: boolean): Promise<Outcome> {
  const command = nodeLogCommand(read, useSudo);
  const stream = createLogStream(command.format);
  const inner = new AbortController();
  const onOuterAbort = () => inner.abort();
  read.signal.addEventListener('abort', onOuterAbort, { once: true });
  let stderr = '';
  let wantsSudo = false;
  let idle: ReturnType<typeof setTimeout> | undefined;
  const since = read.query.since?.getTime() ?? null;
  const hand = (entries: LogEntry[]) => {
    const kept = command.filterSinceLocally && since !== null ? entries.filter((e) => e.time === null || e.time >= since) : entries;
    if (kept.length > 0) read.onEntries(kept);
  };
  const canRetry = read.sudo === 'auto' && !useSudo && read.service.kind === 'systemd';
  let detach: (() => void) | undefined;
  read.onState('running', { command: command.display });
  try {
    const result = await read.engine.exec(read.nodeId, command.argv, {
      sudo: command.sudo,
      ...(command.cwd !== undefined ? { cwd: command.cwd } : {}),
      timeoutMs: read.query.follow ? FOLLOW_TIMEOUT_MS : READ_TIMEOUT_MS,
      signal: inner.signal,
      ...(read.onFlow ? { onFlow: (flow: { pause(): void; resume(): void }) => (detach = read.onFlow?.(flow)) } : {}),
      onStdout: (chunk) => {
        hand(stream.push(chunk));
        if (idle !== undefined) clearTimeout(idle);
        idle = setTimeout(() => hand(stream.flush()), IDLE_FLUSH_MS);
      },
      onStderr: (chunk) => {
        stderr = (stderr + chunk.toString('utf8')).slice(-8192);
        if (canRetry && !wantsSudo && journalHidesLines(stderr)) {
          wantsSudo = true;
          inner.abort();
        }
      },
    });
    if (idle !== undefined) clearTimeout(idle);
    hand(stream.end());
    if (wantsSudo) return 'retry-with-sudo';
    if (result.exitCode === 0 || read.signal.aborted) {
      read.onState(read.signal.aborted ? 'closed' : 'ended');
    } else {
      const said = stderr.trim().split('\n').filter((l) => l.trim() !== '').slice(-1)[0] ?? '';
      read.onState('failed', {
        message: `\`${command.display}\` on ${read.nodeName} ended with exit ${String(result.exitCode ?? result.signal)}${said ? `: ${said.slice(0, 300)}` : ''}.`,
      });
    }
    return 'done';
  } catch (err) {
    if (idle !== undefined) clearTimeout(idle);
    if (wantsSudo && !read.signal.aborted) return 'retry-with-sudo';
    if (read.signal.aborted) read.onState('closed');
    else read.onState('failed', { message: toApiError(err).message });
    return 'done';
  } finally {
    detach?.();
    read.signal.removeEventListener('abort', onOuterAbort);
  }
}

/** Runs until the log ends (no follow), fails, or the signal closes it; never throws. */
export async function readNodeLogs(read: NodeLogRead): Promise<void> {
  read.onState('starting');
  const outcome = await readOnce(read, read.sudo === 'always');
  if (outcome === 'retry-with-sudo') await readOnce(read, true);
}
