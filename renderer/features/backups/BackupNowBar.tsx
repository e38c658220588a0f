/** Backup now: which kind and compression, one click; the run shows up in the progress list below. */
import { useState } from 'react';
import type { BackupCompression, BackupKind } from '../../../common/contract/schemas/backups';
import type { ClusterWithNodes } from '../../../common/contract/schemas/profiles';
import { useBackupStore } from '../../stores/backupStore';

export function BackupNowBar(props: { cluster: ClusterWithNodes }) {
  const startBackup = useBackupStore((s) => s.startBackup);
  const [kind, setKind] = useState<BackupKind>('pg');
  const [compression, setCompression] = useState<BackupCompression>('gzip');
  return (
    <div className="toolbar" role="toolbar" aria-label="Backup now">
      <label>
        What{' '}
        <select aria-label="Backup kind" value={kind} onChange={(e) => setKind(e.target.value as BackupKind)}>
          <option value="pg">PostgreSQL (pg_dumpall)</option>
          <option value="etcd">etcd configuration (JSON)</option>
          <option value="etcd-snapshot">etcd raw snapshot (etcdctl)</option>
        </select>
      </label>
      <label>
        Compression{' '}
        <select aria-label="Compression" value={compression} onChange={(e) => setCompression(e.target.value as BackupCompression)}>
          <option value="none">none</option>
          <option value="gzip">gzip</option>
          <option value="zstd">zstd</option>
        </select>
      </label>
      <button type="button" className="button primary" onClick={() => void startBackup(props.cluster.id, kind, compression)}>
        Back up now
      </button>
    </div>
  );
}
