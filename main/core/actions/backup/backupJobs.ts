/**
 * The backups and restores running in this core: each one's cancel, and
 * which cluster+kind is busy (two backups of the same database at once
 * would only compete for the same disk and node).
 */
import { ApiError } from '../../../../common/contract/errors';

interface Job {
  key: string;
  abort: AbortController;
  done: Promise<unknown>;
}

export type BackupJobs = ReturnType<typeof createBackupJobs>;

export function createBackupJobs() {
  const jobs = new Map<string, Job>();
  return {
    isBusy: (key: string) => [...jobs.values()].some((j) => j.key === key),
    isRunning: (id: string) => jobs.has(id),
    /**
     * Registers a job; `key` is "clusterId/kind" (or "restore/clusterId").
     * `announce` runs once the job is off the books, so whoever hears its
     * end event may start the next one at once.
     */
    start<T>(id: string, key: string, what: string, run: (signal: AbortSignal) => Promise<T>, announce: (result: T) => void): Promise<T> {
      if ([...jobs.values()].some((j) => j.key === key)) throw new ApiError('conflict', `${what} is already running for this cluster. Wait for it to end or cancel it.`);
      const abort = new AbortController();
      const done = run(abort.signal).then(
        (result) => {
          jobs.delete(id);
          announce(result);
          return result;
        },
        (err: unknown) => {
          jobs.delete(id);
          throw err;
        },
      );
      jobs.set(id, { key, abort, done });
      return done;
    },
    cancel(id: string): boolean {
      const job = jobs.get(id);
      if (!job) return false;
      job.abort.abort();
      return true;
    },
    async closeAll(): Promise<void> {
      for (const job of jobs.values()) job.abort.abort();
      await Promise.allSettled([...jobs.values()].map((j) => j.done));
    },
  };
}
