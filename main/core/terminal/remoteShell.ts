/**
 * A shell on a node as a TerminalSource: an ssh2 session channel with a PTY
 * (xterm-256color) on a leased pool connection, running the login shell or
 * one already-quoted command. The lease is released when the channel closes;
 * a dropped connection ends the terminal with reason 'lost'.
 */
import type { Readable } from 'node:stream';
import type { ClientChannel, PseudoTtyOptions } from 'ssh2';
import { ApiError } from '../../../common/contract/errors';
import type { Lease } from '../ssh/connectionPool';
import { createSourceListeners, type SourceExit, type TerminalSource } from './terminalSource';

export interface ShellChannelRequest {
  /** A command line built by quoteArgv.ts; absent for the login shell. */
  command?: string;
  cols: number;
  rows: number;
  /** "bai-a01 (192.0.2.21:22)", for messages. */
  where: string;
}

const TERM = 'xterm-256color';

export function openShellChannel(lease: Lease, request: ShellChannelRequest): Promise<TerminalSource> {
  const pty: PseudoTtyOptions = { term: TERM, cols: request.cols, rows: request.rows, width: 0, height: 0 };
  return new Promise((resolve, reject) => {
    openWithRetry(lease, request.command, pty, (err, channel) => {
      if (err || !channel) {
        lease.release();
        reject(
          lease.chain.isLost()
            ? new ApiError('unreachable', `Lost the connection to ${request.where} while opening the terminal. Open it again once the node is reachable.`)
            : new ApiError('remote_failed', `${request.where} refused to open a terminal (${err?.message ?? 'no channel'}). Check MaxSessions and PermitTTY in its sshd_config.`),
        );
        return;
      }
      resolve(channelSource(lease, channel, request.where));
    });
  });
}

function channelSource(lease: Lease, channel: ClientChannel, where: string): TerminalSource {
  const listeners = createSourceListeners();
  let exitStatus: { code: number | null; signal: string | null } | undefined;
  let closing = false;
  let released = false;

  const release = () => {
    if (released) return;
    released = true;
    lease.release();
  };
  const finish = (exit: SourceExit) => {
    if (listeners.exited()) return;
    offLost();
    listeners.finish(exit);
  };
  // Output that arrives before the session subscribes (a fast prompt) waits here, not lost.
  let early: Buffer[] | undefined = [];
  const onData = (chunk: Buffer) => {
    if (early) early.push(chunk);
    else listeners.emitData(chunk);
  };

  const offLost = lease.chain.onLost((err) => {
    release();
    finish({
      code: null,
      signal: null,
      reason: 'lost',
      message: `${err.message} The terminal to ${where} was cut off; reconnect once the node is reachable (what ran in it may have been stopped).`,
    });
  });
  grantNoWindowWhilePaused(channel);
  channel.on('data', onData);
  // With a PTY sshd merges stderr into the terminal; anything sent apart is shown all the same.
  channel.stderr.on('data', onData);
  channel.on('exit', (code: number | null, signal?: string) => {
    exitStatus = { code: typeof code === 'number' ? code : null, signal: signal ?? null };
  });
  channel.on('error', () => undefined);
  channel.on('close', () => {
    channel.removeListener('data', onData);
    channel.stderr.removeListener('data', onData);
    release();
    if (lease.chain.isLost()) return; // onLost reports it
    finish({ code: exitStatus?.code ?? null, signal: exitStatus?.signal ?? null, reason: closing ? 'closed' : 'exited' });
  });

  return {
    onData(listener) {
      const waiting = early;
      early = undefined;
      for (const chunk of waiting ?? []) listener(chunk);
      return listeners.onData(listener);
    },
    onExit: listeners.onExit,
    // A paused channel stops reading and (grantNoWindowWhilePaused) ssh2 stops sending
    // window adjusts, so sshd stops once the window it has is used, and then the program.
    pause: () => channel.pause(),
    resume: () => channel.resume(),
    write(input) {
      if (!listeners.exited() && channel.writable) channel.write(input);
    },
    resize(cols, rows) {
      // ssh2's setWindow(rows, cols, height, width): the "window-change" request, SIGWINCH on the node.
      if (!listeners.exited()) channel.setWindow(rows, cols, 0, 0);
    },
    close() {
      if (listeners.exited() || closing) return;
      closing = true;
      // ssh2 emits 'close' only after 'end', which a paused stream never reaches.
      channel.resume();
      try {
        channel.close();
      } catch {
        /* the connection is already gone; onLost follows */
      }
    },
  };
}

/**
 * Everything sshd may send ahead of a keystroke's echo is the channel window
 * ssh2 has granted (2 MiB, fixed: ssh2 has no option for it) plus what ssh2
 * holds unread. ssh2 grants more window (WINDOW_ADJUST, client.js CHANNEL_DATA)
 * whenever push() into the channel's stream succeeds, and push() keeps
 * succeeding in a paused stream until its highWaterMark, also 2 MiB, is
 * buffered: so a paused terminal still took in up to 4 MiB, seconds of
 * output ahead of an echo at xterm's few MB/s. With a highWaterMark of 0,
 * push() fails as soon as a paused channel holds anything: ssh2 stops granting
 * at once and grants again only when we have read all it holds (Channel._read).
 * Flowing, push() delivers at once and succeeds, so throughput is unchanged.
 * Measured (bench/terminal.ts, 200 MB cat): output queued ahead of an echo
 * 3.5-4 MiB -> 1.3-1.7 MiB, worst echo 270-365 ms -> 15-65 ms with a fast
 * client, 0.85-4.4 s -> 0.7-1.2 s in CPU-only Chromium; same throughput ratio.
 * Node has no public setter for a stream's highWaterMark after construction
 * (ssh2 sets it, mscdex/ssh2#800), hence the internal field; should a Node
 * version lack it, the channel only buffers as it did before.
 */
function grantNoWindowWhilePaused(channel: Readable): void {
  const state = (channel as unknown as { _readableState?: { highWaterMark?: unknown } })._readableState;
  if (state && typeof state.highWaterMark === 'number') state.highWaterMark = 0;
}

type OpenCallback = (err: Error | undefined, channel?: ClientChannel) => void;

/**
 * sshd frees a session slot only after processing our CLOSE, so an open right
 * behind a close can be refused although the lease says a slot is free
 * (execChannel.ts retries the same way). Reasons 1, 2, 4: no more sessions.
 */
function openWithRetry(lease: Lease, command: string | undefined, pty: PseudoTtyOptions, cb: OpenCallback, attempt = 0): void {
  const done = (err: Error | undefined, channel?: ClientChannel) => {
    const reason = err ? (err as Error & { reason?: number }).reason : undefined;
    if ((reason === 1 || reason === 2 || reason === 4) && !lease.chain.isLost() && attempt < 40) {
      setTimeout(() => openWithRetry(lease, command, pty, cb, attempt + 1), Math.min(5 * 2 ** attempt, 100));
      return;
    }
    cb(err, channel);
  };
  try {
    if (command === undefined) lease.chain.client.shell(pty, (err, channel) => done(err ?? undefined, channel));
    else lease.chain.client.exec(command, { pty }, (err, channel) => done(err ?? undefined, channel));
  } catch (e) {
    cb(e instanceof Error ? e : new Error(String(e)));
  }
}
