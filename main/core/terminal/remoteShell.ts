/**
 * A shell on a node as a TerminalSource: an ssh2 session channel with a PTY
 * (xterm-256color) on a leased pool connection, running the login shell or
 * one already-quoted command. The lease is released when the channel closes;
 * a dropped connection ends the terminal with reason 'lost'.
 */
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
    // A paused channel stops reading; once ssh2's 2 MiB buffer is full it stops
    // sending window adjusts, so sshd (and then the program) stops too.
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
