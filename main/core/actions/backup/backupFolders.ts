/**
 * Where a backup lives on the laptop: one folder per cluster under
 * ports.paths.backupsDir (the cluster's name made file-safe plus a short id,
 * so two clusters named alike never share a folder), and the file's name
 * (kind, UTC time, short id, the compression's extension).
 */
import { join } from 'node:path';
import type { BackupCompression, BackupKind } from '../../../../common/contract/schemas/backups';

const EXTENSION: Record<BackupKind, string> = { pg: 'sql', etcd: 'json', 'etcd-snapshot': 'db' };
const COMPRESSED: Record<BackupCompression, string> = { none: '', gzip: '.gz', zstd: '.zst' };

export function clusterBackupFolder(backupsDir: string, cluster: { id: string; name: string }): string {
  const safe = cluster.name.normalize('NFKD').replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'cluster';
  return join(backupsDir, `${safe}-${cluster.id.slice(0, 8)}`);
}

export function backupFileName(kind: BackupKind, compression: BackupCompression, startedAt: Date, backupId: string): string {
  const stamp = startedAt.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  return `${kind}-${stamp}-${backupId.slice(0, 8)}.${EXTENSION[kind]}${COMPRESSED[compression]}`;
}
