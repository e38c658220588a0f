/**
 * The open log streams of one core: each a set of node reads sharing one
 * batcher and one cancel. Bounded in number, so a renderer that forgets to
 * close its views cannot pile up remote followers; all are closed with core.
 */
import { ApiError } from '../../../../common/contract/errors';

/** Each follow holds one SSH channel per node (sshd's MaxSessions is 10 per connection). */
export const MAX_OPEN_STREAMS = 16;

interface OpenStream {
  abort: AbortController;
  done: Promise<void>;
}

export interface LogSessions {
  has(streamId: string): boolean;
  /** Registers a stream; `run` gets the signal that closes it and resolves when every node read ended. */
  open(streamId: string, run: (signal: AbortSignal) => Promise<void>): void;
  close(streamId: string): Promise<boolean>;
  closeAll(): Promise<void>;
  count(): number;
}

export function createLogSessions(): LogSessions {
  const streams = new Map<string, OpenStream>();
  const close = async (streamId: string) => {
    const s = streams.get(streamId);
    if (!s) return false;
    s.abort.abort();
    await s.done;
    return true;
  };
  return {
    has: (id) => streams.has(id),
    open(streamId, run) {
      if (streams.has(streamId)) throw new ApiError('invalid_input', `A log stream "${streamId}" is already open. Close it first or use another id.`);
      if (streams.size >= MAX_OPEN_STREAMS) {
        throw new ApiError('invalid_input', `${MAX_OPEN_STREAMS} log views are open already. Close one before opening another.`);
      }
      const abort = new AbortController();
      const done = run(abort.signal).finally(() => streams.delete(streamId));
      streams.set(streamId, { abort, done });
    },
    close,
    async closeAll() {
      await Promise.all([...streams.keys()].map((id) => close(id)));
    },
    count: () => streams.size,
  };
}
