/**
 * Backups and restores of a cluster's PostgreSQL and etcd: the calls, their
 * history rows and the progress events of a running backup or restore.
 * Starting one returns at once; progress and the end arrive as events.
 */
import { z } from 'zod';
import { Id } from './profiles';

/** etcd-snapshot: the raw `etcdctl snapshot save` file (backup only; restoring it is a manual data-dir swap). */
export const BACKUP_KINDS = ['pg', 'etcd', 'etcd-snapshot'] as const;
export const BackupKind = z.enum(BACKUP_KINDS);
export type BackupKind = z.infer<typeof BackupKind>;

export const BACKUP_COMPRESSIONS = ['none', 'gzip', 'zstd'] as const;
export const BackupCompression = z.enum(BACKUP_COMPRESSIONS);
export type BackupCompression = z.infer<typeof BackupCompression>;

export const BackupStatus = z.enum(['ok', 'failed', 'cancelled', 'running']);
export type BackupStatus = z.infer<typeof BackupStatus>;

/** One row of the backup history. `verification` is the last check's sentence. */
export const BackupRecord = z.object({
  id: z.string(),
  clusterId: z.string().nullable(),
  clusterName: z.string(),
  nodeId: z.string().nullable(),
  nodeName: z.string(),
  kind: BackupKind,
  path: z.string(),
  size: z.number().int().nullable(),
  sha256: z.string().nullable(),
  compression: BackupCompression,
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  status: BackupStatus,
  verification: z.string(),
  verifiedAt: z.string().nullable(),
  /** True when the last verification passed (a restore needs it). */
  verified: z.boolean(),
  note: z.string(),
});
export type BackupRecord = z.infer<typeof BackupRecord>;

export const BackupSchedule = z.object({
  clusterId: Id,
  /** null: no scheduled backups. */
  everyHours: z.number().int().min(1).max(24 * 30).nullable(),
  /** Retention: keep the last K ok backups per kind; older files and rows are deleted. */
  keep: z.number().int().min(1).max(1000),
  kinds: z.array(BackupKind).min(1),
  compression: BackupCompression,
});
export type BackupSchedule = z.infer<typeof BackupSchedule>;

export const EtcdRestoreMode = z.enum(['replace-all', 'merge']);
export type EtcdRestoreMode = z.infer<typeof EtcdRestoreMode>;

export const LastGoodBackup = z.object({ clusterId: z.string(), kind: BackupKind, finishedAt: z.string(), backupId: z.string() });
export type LastGoodBackup = z.infer<typeof LastGoodBackup>;

const Note = z.string().max(500);

/** The backup calls; merged in schemas.ts. */
export const backupMethods = {
  startBackup: {
    input: z.object({ clusterId: Id, kind: BackupKind, compression: BackupCompression.default('none'), note: Note.optional() }).strict(),
    output: z.object({ backupId: z.string() }),
  },
  cancelBackup: { input: z.object({ backupId: z.string().min(1).max(64) }).strict(), output: z.object({ cancelled: z.boolean() }) },
  listBackups: {
    input: z.object({ clusterId: Id.optional(), kind: BackupKind.optional(), status: BackupStatus.optional(), limit: z.number().int().min(1).max(5000).optional() }).strict(),
    output: z.array(BackupRecord),
  },
  verifyBackup: { input: z.object({ backupId: z.string().min(1).max(64) }).strict(), output: BackupRecord },
  deleteBackup: { input: z.object({ backupId: z.string().min(1).max(64) }).strict(), output: z.object({ deleted: z.boolean(), fileRemoved: z.boolean() }) },
  backupFolder: { input: z.object({ clusterId: Id }).strict(), output: z.object({ path: z.string() }) },
  /**
   * Shows a backup's file in the OS file manager. Core takes the path from the
   * history row, never from the caller. `revealed` false: the UI shows `path` to copy, with `message` saying why.
   */
  revealBackup: {
    input: z.object({ backupId: z.string().min(1).max(64) }).strict(),
    output: z.object({ path: z.string(), revealed: z.boolean(), message: z.string() }),
  },
  lastGoodBackups: { input: z.object({}).strict(), output: z.array(LastGoodBackup) },
  getBackupSchedule: { input: z.object({ clusterId: Id }).strict(), output: BackupSchedule },
  setBackupSchedule: { input: BackupSchedule.strict(), output: BackupSchedule },
  /** Restores from a verified backup after a safety backup; `confirmName` must be the cluster's name. */
  startRestore: {
    input: z.object({ backupId: z.string().min(1).max(64), confirmName: z.string().max(200), etcdMode: EtcdRestoreMode.optional() }).strict(),
    output: z.object({ restoreId: z.string() }),
  },
} as const;

export const BackupPhase = z.enum(['connecting', 'streaming', 'verifying', 'done']);
export const RestorePhase = z.enum(['safety-backup', 'uploading', 'restoring', 'checking', 'done']);

/** Pushed backup progress events; merged in events.ts. */
export const backupEvents = {
  /** A running backup, at most a few times a second. */
  'backup.progress': z.object({
    backupId: z.string(),
    clusterId: z.string(),
    kind: BackupKind,
    phase: BackupPhase,
    bytes: z.number(),
    bytesPerSecond: z.number(),
    elapsedMs: z.number(),
  }),
  /** The backup ended (ok, failed or cancelled): the row as it is now, with the reason in `message`. */
  'backup.finished': z.object({ backup: BackupRecord, message: z.string() }),
  'restore.progress': z.object({
    restoreId: z.string(),
    clusterId: z.string(),
    kind: BackupKind,
    phase: RestorePhase,
    bytes: z.number(),
    totalBytes: z.number(),
    elapsedMs: z.number(),
  }),
  'restore.finished': z.object({
    restoreId: z.string(),
    clusterId: z.string(),
    kind: BackupKind,
    result: z.enum(['ok', 'failed', 'cancelled']),
    message: z.string(),
    /** The safety backup taken first (restore it to undo). */
    safetyBackupId: z.string().nullable(),
    /** What differs after the restore from what the backup holds; empty when equal. */
    differences: z.array(z.string()),
  }),
} as const;
