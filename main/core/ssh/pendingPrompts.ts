/**
 * Questions waiting for a person: host key decisions and login prompts. Each
 * has an id the UI answers with, a timeout, and can be cancelled. Identical
 * questions asked at once (two nodes behind one bastion) share one prompt.
 */
import { randomUUID } from 'node:crypto';
import { ApiError } from '../../../common/contract/errors';

interface Pending<T> {
  promptId: string;
  shareKey: string | undefined;
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (err: ApiError) => void;
  timer: NodeJS.Timeout;
}

export interface PendingPrompts<T> {
  /**
   * Open a prompt (or join an identical open one). `announce` is called with
   * the new id only when a new prompt is opened, to emit the UI event.
   */
  ask(options: { shareKey?: string; timeoutMs: number; timeoutMessage: string; announce: (promptId: string) => void }): Promise<T>;
  /** Deliver an answer; false when the prompt is unknown (already answered or timed out). */
  answer(promptId: string, value: T): boolean;
  cancel(promptId: string, err: ApiError): boolean;
  cancelAll(err: ApiError): void;
  size(): number;
}

export function createPendingPrompts<T>(onClosed: (promptId: string, reason: 'answered' | 'timeout' | 'cancelled') => void): PendingPrompts<T> {
  const open = new Map<string, Pending<T>>();

  const close = (p: Pending<T>, reason: 'answered' | 'timeout' | 'cancelled') => {
    clearTimeout(p.timer);
    open.delete(p.promptId);
    onClosed(p.promptId, reason);
  };

  return {
    ask({ shareKey, timeoutMs, timeoutMessage, announce }) {
      if (shareKey) {
        for (const p of open.values()) if (p.shareKey === shareKey) return p.promise;
      }
      const promptId = randomUUID();
      let resolve!: (v: T) => void;
      let reject!: (e: ApiError) => void;
      const promise = new Promise<T>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      const timer = setTimeout(() => {
        const p = open.get(promptId);
        if (!p) return;
        close(p, 'timeout');
        p.reject(new ApiError('timeout', timeoutMessage));
      }, timeoutMs);
      open.set(promptId, { promptId, shareKey, promise, resolve, reject, timer });
      announce(promptId);
      return promise;
    },
    answer(promptId, value) {
      const p = open.get(promptId);
      if (!p) return false;
      close(p, 'answered');
      p.resolve(value);
      return true;
    },
    cancel(promptId, err) {
      const p = open.get(promptId);
      if (!p) return false;
      close(p, 'cancelled');
      p.reject(err);
      return true;
    },
    cancelAll(err) {
      for (const p of [...open.values()]) {
        close(p, 'cancelled');
        p.reject(err);
      }
    },
    size: () => open.size,
  };
}
