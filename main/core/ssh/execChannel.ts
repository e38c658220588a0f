/**
 * Runs one command line on one leased connection and settles exactly once:
 * exit code or signal, streamed or collected output (capped), timeout,
 * cancel, or a lost connection. Stopping a command signals the remote
 * process group and only then closes the channel (closing a session channel
 * alone leaves a non-pty command running): first OpenSSH's "signal" request
 * (sshd killpg()s the session), then, where sshd ignores it (root logins),
 * `kill -- -<pgid>` on a second channel, TERM before KILL.
 */
import { randomBytes } from 'node:crypto';
import type { ClientChannel } from 'ssh2';
import { ApiError } from '../../../common/contract/errors';
import type { Lease } from './connectionPool';
import { initialMarkerState, markerCommand, stepMarker, type MarkerState } from './processGroupMarker';
import { quoteArgv } from './quoteArgv';

export interface ExecResult {
  exitCode: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  truncated: boolean;
  durationMs: number;
}

/** Lets sudo.ts sit between the channel's stderr/stdin and the caller. */
export interface StderrFilter {
  /** Returns the stderr bytes the caller should see; may write to the channel (the password). */
  filter(chunk: Buffer, channel: ClientChannel): Buffer;
  /** Resolves when the caller's stdin may flow (sudo started the command). */
  stdinReady: Promise<void>;
  /** Set when the filter decided the command must stop (sudo refused). */
  failure(): ApiError | undefined;
}

export interface ChannelRun {
  command: string;
  /** How messages name the work: "`systemctl restart …` on bai-a01". */
  label: string;
  where: string;
  stdin?: string | Buffer;
  timeoutMs: number;
  signal?: AbortSignal;
  maxOutputBytes: number;
  onStdout?: (chunk: Buffer) => void;
  onStderr?: (chunk: Buffer) => void;
  /** Hands out pause/resume of stdout (ssh2 then stops widening the window, so the remote command blocks). */
  onFlow?: (flow: { pause(): void; resume(): void }) => void;
  stderrFilter?: StderrFilter;
  /** How long a stopped command gets between TERM and KILL. */
  killGraceMs: number;
}

export function runOnChannel(lease: Lease, run: ChannelRun): Promise<ExecResult> {
  const started = Date.now();
  return new Promise<ExecResult>((resolve, reject) => {
    let settled = false;
    let channel: ClientChannel | undefined;
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let kept = 0;
    let truncated = false;
    let exit: { code: number | null; signal: string | null } | undefined;
    const nonce = randomBytes(8).toString('hex');
    let marker: MarkerState = initialMarkerState;
    let pgid: number | undefined;

    const cleanup = () => {
      clearTimeout(timer);
      run.signal?.removeEventListener('abort', onAbort);
      offLost();
    };
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      cleanup();
      fn();
    };
    const fail = (e: ApiError) => settle(() => reject(e));

    /** Stop the remote process, then close; the lease is released on 'close'. */
    const stop = () => {
      const ch = channel;
      // A paused channel never reaches 'end', so it would never 'close'.
      ch?.resume();
      if (!ch || exit) {
        ch?.close();
        return;
      }
      let open = true;
      const signalSafe = (name: 'TERM' | 'KILL') => {
        try {
          ch.signal(name);
        } catch {
          /* channel already gone */
        }
      };
      const steps: Array<() => void> = [
        () => signalSafe('TERM'),
        () => {
          signalSafe('KILL');
          if (pgid) killGroup(lease, 'TERM', pgid);
        },
        () => pgid && killGroup(lease, 'KILL', pgid),
        () => ch.close(),
      ];
      const timers = steps.map((step, i) =>
        setTimeout(() => {
          if (open) step();
        }, i * run.killGraceMs),
      );
      for (const t of timers) t.unref();
      ch.once('close', () => {
        open = false;
        for (const t of timers) clearTimeout(t);
      });
    };

    const onAbort = () => {
      fail(new ApiError('cancelled', `${run.label} was cancelled; the remote command was stopped.`));
      stop();
    };
    const offLost = lease.chain.onLost(() => {
      fail(new ApiError('unreachable', `Lost the connection to ${run.where} while running ${run.label}. Nothing was retried.`));
    });

    const keep = (buf: Buffer, into: Buffer[]) => {
      if (truncated) return;
      const room = run.maxOutputBytes - kept;
      if (buf.length > room) {
        into.push(buf.subarray(0, room));
        kept += room;
        truncated = true;
        return;
      }
      into.push(buf);
      kept += buf.length;
    };

    if (run.signal?.aborted) {
      offLost();
      lease.release();
      reject(new ApiError('cancelled', `${run.label} was cancelled before it started.`));
      return;
    }
    run.signal?.addEventListener('abort', onAbort, { once: true });
    const timer = setTimeout(() => {
      fail(new ApiError('timeout', `${run.label} did not finish within ${formatMs(run.timeoutMs)}. It was stopped on ${run.where}.`));
      stop();
    }, run.timeoutMs);

    openSession(lease, markerCommand(nonce) + run.command, (openErr, ch) => {
      if (openErr || !ch) {
        lease.release();
        fail(
          lease.chain.isLost()
            ? new ApiError('unreachable', `Lost the connection to ${run.where} before ${run.label} started. Nothing was retried.`)
            : new ApiError('remote_failed', `${run.where} refused to start ${run.label} (${openErr?.message ?? 'no channel'}).`),
        );
        return;
      }
      if (settled) {
        // Cancelled or timed out while the channel was opening: ssh2 calls
        // back after sshd accepted the exec request, so the command runs already.
        channel = ch;
        ch.on('close', () => lease.release());
        ch.resume();
        ch.stderr.resume();
        stop();
        return;
      }
      channel = ch;
      ch.on('close', () => {
        lease.release();
        if (exit) {
          settle(() =>
            resolve({
              exitCode: exit?.code ?? null,
              signal: exit?.signal ?? null,
              stdout: Buffer.concat(out).toString('utf8'),
              stderr: Buffer.concat(err).toString('utf8'),
              truncated,
              durationMs: Date.now() - started,
            }),
          );
        } else if (lease.chain.isLost()) {
          fail(new ApiError('unreachable', `Lost the connection to ${run.where} while running ${run.label}. Nothing was retried.`));
        } else {
          fail(run.stderrFilter?.failure() ?? new ApiError('remote_failed', `${run.label} on ${run.where} ended without an exit status.`));
        }
      });
      ch.on('exit', (code: number | null, signal?: string) => {
        exit = { code: typeof code === 'number' ? code : null, signal: signal ?? null };
      });
      ch.on('data', (chunk: Buffer) => {
        if (run.onStdout) run.onStdout(chunk);
        else keep(chunk, out);
      });
      run.onFlow?.({ pause: () => ch.pause(), resume: () => ch.resume() });
      ch.stderr.on('data', (raw: Buffer) => {
        let bytes = raw;
        if (!marker.done) {
          const step = stepMarker(marker, raw.toString('latin1'), nonce);
          marker = step.state;
          if (step.pgid !== undefined) pgid = step.pgid;
          bytes = Buffer.from(step.passthrough, 'latin1');
          if (bytes.length === 0) return;
        }
        const chunk = run.stderrFilter ? run.stderrFilter.filter(bytes, ch) : bytes;
        const failure = run.stderrFilter?.failure();
        if (failure) {
          fail(failure);
          stop();
          return;
        }
        if (chunk.length === 0) return;
        if (run.onStderr) run.onStderr(chunk);
        else keep(chunk, err);
      });
      const writeStdin = () => {
        if (run.stdin !== undefined) ch.end(run.stdin);
        else ch.end();
      };
      if (run.stderrFilter) run.stderrFilter.stdinReady.then(writeStdin, () => undefined);
      else writeStdin();
    });
  });
}

/**
 * sshd frees a session slot only in its channel garbage collection, after it
 * processed our CLOSE; an open sent right behind that CLOSE can be refused
 * with "open failed" although the slot is about to be free. Such refusals are
 * retried briefly; the lease already guarantees we stay under MaxSessions.
 */
function openSession(lease: Lease, command: string, cb: (err: Error | undefined, ch?: ClientChannel) => void, attempt = 0): void {
  try {
    lease.chain.client.exec(command, (err, ch) => {
      // OpenSSH answers "no more sessions" with reason 2 (CONNECT_FAILED); 1 and 4 mean the same for other servers.
      const reason = err ? (err as Error & { reason?: number }).reason : undefined;
      const refused = (reason === 1 || reason === 2 || reason === 4) && !lease.chain.isLost();
      if (refused && attempt < 40) {
        setTimeout(() => openSession(lease, command, cb, attempt + 1), Math.min(5 * 2 ** attempt, 100));
        return;
      }
      cb(err ?? undefined, ch);
    });
  } catch (e) {
    cb(e instanceof Error ? e : new Error(String(e)));
  }
}

/** The fallback stop: a second channel kills the command's process group. Best effort. */
function killGroup(lease: Lease, signal: 'TERM' | 'KILL', pgid: number): void {
  openSession(lease, quoteArgv(['kill', `-${signal}`, '--', `-${pgid}`]), (err, ch) => {
    if (err || !ch) return;
    ch.on('close', () => undefined);
    ch.resume();
    ch.stderr.resume();
    ch.end();
  });
}

function formatMs(ms: number): string {
  return ms < 1000 ? `${ms} ms` : ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}
