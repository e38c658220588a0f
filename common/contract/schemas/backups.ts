/**
 * Backups and restores of a cluster's PostgreSQL and etcd: the calls, their
 * history rows and the progress events of a running backup or restore.
 */

/** The backup calls; merged in schemas.ts. */
export const backupMethods = {} as const;
/** Pushed backup progress events; merged in events.ts. */
export const backupEvents = {} as const;
