/** The Backups view of one cluster: back up now, running work with cancel, history with filters, schedule and retention. */
import { useEffect, useState } from 'react';
import type { BackupRecord } from '../../../common/contract/schemas/backups';
import type { ClusterWithNodes } from '../../../common/contract/schemas/profiles';
import { useBackupStore } from '../../stores/backupStore';
import { BackupNowBar } from './BackupNowBar';
import { BackupProgressList } from './BackupProgressList';
import { BackupScheduleForm } from './BackupScheduleForm';
import { BackupTable } from './BackupTable';
import { LastGoodBackupAge } from './LastGoodBackupAge';
import { RevealedPath } from './RevealedPath';
import { RestoreDialog } from './RestoreDialog';
import './backups.css';

export function BackupsView(props: { cluster: ClusterWithNodes }) {
  const { cluster } = props;
  const { open, schedule, folder, notice, error } = useBackupStore();
  const [restoring, setRestoring] = useState<BackupRecord | null>(null);
  useEffect(() => {
    void open(cluster.id);
  }, [open, cluster.id]);
  return (
    <section className="pane" aria-labelledby="backups-title">
      <header className="pane-header">
        <span className="cluster-dot large" style={{ backgroundColor: cluster.color }} aria-hidden="true" />
        <h1 id="backups-title">Backups of {cluster.name}</h1>
        <span className="pane-subtitle">
          Last good backup: <LastGoodBackupAge clusterId={cluster.id} />
        </span>
      </header>
      <BackupNowBar cluster={cluster} />
      <BackupProgressList clusterId={cluster.id} />
      {notice && (
        <p className={notice.tone === 'ok' ? 'backup-notice' : 'form-error'} role={notice.tone === 'ok' ? 'status' : 'alert'}>
          {notice.text}
        </p>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <h2 className="section-title">History</h2>
      {folder && (
        <p className="muted">
          Files are kept in <span className="mono">{folder}</span>
        </p>
      )}
      <RevealedPath />
      <BackupTable onRestore={setRestoring} />
      <h2 className="section-title">Schedule and retention</h2>
      <p className="muted">Scheduled backups run while ClusterDeck is open. Older backups beyond the newest K of each kind are deleted, file and row together.</p>
      {schedule && <BackupScheduleForm key={JSON.stringify(schedule)} schedule={schedule} />}
      {restoring && <RestoreDialog cluster={cluster} backup={restoring} onClose={() => setRestoring(null)} />}
    </section>
  );
}
