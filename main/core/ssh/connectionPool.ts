/**
 * One connection (a hop chain) per node, shared by all of its channels. At
 * most `channelLimit` channels at once per connection (sshd's MaxSessions is
 * 10 by default; one more is refused), the rest wait in FIFO order. A
 * connection with no channel for `idleMs` is closed. A dropped connection
 * fails what ran on it (never retried) and is re-established in the
 * background with backoff, except after a login or host-key failure.
 */
import { ApiError } from '../../../common/contract/errors';
import type { EventSink } from '../../../common/contract/events';
import type { HostKeyChange, NodeConnectionInfo } from '../../../common/contract/schemas/ssh';
import { backoffDelay, type BackoffOptions } from './backoff';
import { connectChain, type ChainDeps, type ChainOptions, type HopChain } from './hopChain';
import { targetKey, type NodeTarget } from './nodeTarget';

export interface PoolOptions extends Omit<ChainOptions, 'interactive'> {
  channelLimit: number;
  idleMs: number;
  backoff: BackoffOptions;
}

/** A granted channel slot on a live connection. Release exactly once, after the channel closed. */
export interface Lease {
  chain: HopChain;
  release(): void;
}

type State = NodeConnectionInfo['state'];

interface Entry {
  key: string;
  target: NodeTarget;
  state: State;
  reason?: string;
  hostKeyChange?: HostKeyChange;
  chain?: HopChain;
  connecting?: Promise<HopChain>;
  /** Whether the attempt in flight may ask a person (host key, password, OTP). */
  connectingInteractive?: boolean;
  active: number;
  waiters: Array<{ grant: () => void; fail: (err: ApiError) => void }>;
  idleTimer?: NodeJS.Timeout;
  retryTimer?: NodeJS.Timeout;
  attempt: number;
  closed: boolean;
}

/** The failed event's detail: the sentence, and both keys when the host key changed. */
const failure = (err: ApiError) => ({ reason: err.message, ...(err.hostKeyChange ? { hostKeyChange: err.hostKeyChange } : {}) });

/** Failures of a background attempt that a person asked right now can answer. */
const needsPerson = (err: unknown) => err instanceof ApiError && (err.code === 'host_key_unknown' || err.code === 'auth_failed');

/** Failures a retry cannot fix: a person must act first. */
const isFinal = (err: ApiError) => ['auth_failed', 'host_key_changed', 'host_key_unknown', 'cancelled'].includes(err.code);

export interface ConnectionPool {
  acquire(target: NodeTarget, options: { interactive: boolean; signal?: AbortSignal }): Promise<Lease>;
  connections(): NodeConnectionInfo[];
  /** Close a node's connection (settings changed, re-key); running channels fail. */
  closeNode(nodeId: string): Promise<void>;
  /** The laptop woke up: probe live connections, retry waiting ones now. */
  resume(): Promise<void>;
  close(): Promise<void>;
}

export function createConnectionPool(deps: ChainDeps, events: EventSink, options: PoolOptions, random: () => number = Math.random): ConnectionPool {
  const entries = new Map<string, Entry>();

  const emit = (e: Entry, state: State, extra: { reason?: string; attempt?: number; retryInMs?: number; hostKeyChange?: HostKeyChange } = {}) => {
    e.state = state;
    e.reason = extra.reason;
    e.hostKeyChange = extra.hostKeyChange;
    events.emit('node.connection', { nodeId: e.target.nodeId, state, ...extra });
  };

  const armIdle = (e: Entry) => {
    clearTimeout(e.idleTimer);
    if (e.active > 0 || e.waiters.length > 0 || !e.chain) return;
    e.idleTimer = setTimeout(() => {
      if (e.active > 0 || e.waiters.length > 0 || !e.chain) return;
      const chain = e.chain;
      e.chain = undefined;
      entries.delete(e.key);
      emit(e, 'idle');
      void chain.close();
    }, options.idleMs);
    e.idleTimer.unref?.();
  };

  const onLost = (e: Entry, chain: HopChain, err: ApiError) => {
    if (e.chain !== chain) return;
    e.chain = undefined;
    e.active = 0; // the channels died with it; their releases are ignored
    // Queued work never started: it fails now too, rather than silently running later.
    for (const w of e.waiters.splice(0)) w.fail(err);
    if (e.closed) return;
    scheduleReconnect(e, err);
  };

  const scheduleReconnect = (e: Entry, err: ApiError) => {
    if (isFinal(err) || e.attempt >= options.backoff.maxAttempts) {
      emit(e, 'failed', failure(err));
      // Waiters get the reason now rather than waiting for a retry that will not come.
      for (const w of e.waiters.splice(0)) w.fail(err);
      return;
    }
    const delay = backoffDelay(e.attempt, options.backoff, random());
    e.attempt++;
    emit(e, 'reconnecting', { reason: err.message, attempt: e.attempt, retryInMs: delay });
    clearTimeout(e.retryTimer);
    e.retryTimer = setTimeout(() => {
      connect(e, false).catch(() => undefined);
    }, delay);
  };

  const connect = (e: Entry, interactive: boolean): Promise<HopChain> => {
    if (e.chain && !e.chain.isLost()) return Promise.resolve(e.chain);
    if (e.connecting && (e.connectingInteractive || !interactive)) return e.connecting;
    if (e.connecting) {
      // An operator's request joined a background attempt that cannot ask them anything: if that
      // attempt stops for want of an answer, try once more, this time asking.
      return e.connecting.catch((err: unknown) => {
        if (needsPerson(err) && !e.closed) return connect(e, true);
        throw err;
      });
    }
    clearTimeout(e.retryTimer);
    const reconnecting = e.state === 'reconnecting';
    if (!reconnecting) emit(e, 'connecting');
    e.connectingInteractive = interactive;
    e.connecting = connectChain(e.target, deps, { ...options, interactive }).then(
      (chain) => {
        e.connecting = undefined;
        if (e.closed) {
          void chain.close();
          throw new ApiError('cancelled', `The connection to ${e.target.nodeName} was closed.`);
        }
        e.chain = chain;
        e.attempt = 0;
        e.active = 0;
        chain.onLost((err) => onLost(e, chain, err));
        emit(e, 'ready');
        pump(e);
        return chain;
      },
      (err: unknown) => {
        e.connecting = undefined;
        const apiErr = err instanceof ApiError ? err : new ApiError('unreachable', `Could not connect to ${e.target.nodeName}.`);
        if (reconnecting && !e.closed) scheduleReconnect(e, apiErr);
        else if (!e.closed) emit(e, 'failed', failure(apiErr));
        throw apiErr;
      },
    );
    return e.connecting;
  };

  /** Hand free slots to waiters in arrival order. */
  const pump = (e: Entry) => {
    while (e.chain && e.active < options.channelLimit && e.waiters.length > 0) {
      const w = e.waiters.shift();
      e.active++;
      w?.grant();
    }
    armIdle(e);
  };

  const entryFor = (target: NodeTarget): Entry => {
    const key = targetKey(target);
    let e = entries.get(key);
    if (!e) {
      // Settings changed: the old connection of this node is closed.
      for (const old of entries.values()) if (old.target.nodeId === target.nodeId) void closeEntry(old);
      e = { key, target, state: 'idle', active: 0, waiters: [], attempt: 0, closed: false };
      entries.set(key, e);
    }
    return e;
  };

  const closeEntry = async (e: Entry) => {
    e.closed = true;
    entries.delete(e.key);
    clearTimeout(e.idleTimer);
    clearTimeout(e.retryTimer);
    const err = new ApiError('cancelled', `The connection to ${e.target.nodeName} was closed.`);
    for (const w of e.waiters.splice(0)) w.fail(err);
    const chain = e.chain;
    e.chain = undefined;
    if (chain) await chain.close();
    emit(e, 'idle');
  };

  return {
    async acquire(target, { interactive, signal }) {
      const e = entryFor(target);
      clearTimeout(e.idleTimer);
      if (signal?.aborted) throw new ApiError('cancelled', 'Cancelled before it started.');
      const chain = await connect(e, interactive);
      return new Promise<Lease>((resolve, reject) => {
        let granted = false;
        const onAbort = () => {
          const i = e.waiters.indexOf(waiter);
          if (i >= 0) e.waiters.splice(i, 1);
          armIdle(e);
          reject(new ApiError('cancelled', `Cancelled while waiting for a free channel to ${target.nodeName}.`));
        };
        const waiter = {
          grant: () => {
            granted = true;
            signal?.removeEventListener('abort', onAbort);
            const leased = e.chain ?? chain;
            let released = false;
            resolve({
              chain: leased,
              release: () => {
                if (released) return;
                released = true;
                if (e.chain === leased) e.active--;
                pump(e);
              },
            });
          },
          fail: (err: ApiError) => {
            signal?.removeEventListener('abort', onAbort);
            if (!granted) reject(err);
          },
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        e.waiters.push(waiter);
        pump(e);
      });
    },
    connections() {
      return [...entries.values()].map((e) => ({
        nodeId: e.target.nodeId,
        state: e.state,
        ...(e.reason ? { reason: e.reason } : {}),
        ...(e.hostKeyChange ? { hostKeyChange: e.hostKeyChange } : {}),
        channels: e.active,
        queued: e.waiters.length,
      }));
    },
    async closeNode(nodeId) {
      await Promise.all([...entries.values()].filter((e) => e.target.nodeId === nodeId).map(closeEntry));
    },
    async resume() {
      const probes: Array<Promise<void>> = [];
      for (const e of entries.values()) {
        if (e.state === 'reconnecting') {
          clearTimeout(e.retryTimer);
          connect(e, false).catch(() => undefined);
        } else if (e.chain) {
          const chain = e.chain;
          // After sleep the TCP socket may be dead without an error: ask sshd something.
          probes.push(
            probeAlive(chain, options.connectTimeoutMs).then((alive) => {
              if (!alive && e.chain === chain) {
                onLost(e, chain, new ApiError('unreachable', `${e.target.nodeName} did not answer after the computer woke up.`));
                void chain.close();
              }
            }),
          );
        }
      }
      await Promise.all(probes);
    },
    async close() {
      await Promise.all([...entries.values()].map(closeEntry));
    },
  };
}

/** Any answer to a channel request (even a refusal) proves the connection is alive. */
function probeAlive(chain: HopChain, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const t = setTimeout(() => resolve(false), timeoutMs);
    try {
      chain.client.exec('true', (err, stream) => {
        clearTimeout(t);
        if (stream) stream.on('close', () => undefined).resume().stderr.resume();
        resolve(!err || !/No response|Not connected/i.test(err.message));
      });
    } catch {
      clearTimeout(t);
      resolve(false);
    }
  });
}
