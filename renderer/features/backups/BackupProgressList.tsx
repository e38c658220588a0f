/** Running backups and restores of one cluster: a bar with bytes, rate and elapsed time, and Cancel. */
import { useBackupStore } from '../../stores/backupStore';
import { bytesText, elapsedText, KIND_TEXT } from './backupText';

const RESTORE_PHASE = { 'safety-backup': 'taking a safety backup', uploading: 'uploading the backup', restoring: 'restoring', checking: 'comparing with the backup', done: 'done' } as const;

export function BackupProgressList(props: { clusterId: string }) {
  // Select the maps themselves (stable references) and filter here: a selector returning a new array re-renders forever.
  const allRunning = useBackupStore((s) => s.running);
  const allRestores = useBackupStore((s) => s.restores);
  const running = Object.values(allRunning).filter((r) => r.clusterId === props.clusterId);
  const restores = Object.values(allRestores).filter((r) => r.clusterId === props.clusterId);
  const cancel = useBackupStore((s) => s.cancel);
  if (running.length === 0 && restores.length === 0) return null;
  return (
    <ul className="backup-progress" aria-label="Running backups and restores">
      {running.map((r) => (
        <li key={r.backupId} data-backup-progress={r.backupId}>
          <span className="backup-progress-label">
            {KIND_TEXT[r.kind]} backup: {r.phase}
          </span>
          <progress aria-label={`${KIND_TEXT[r.kind]} backup progress`} />
          <span className="mono">
            {bytesText(r.bytes)} · {bytesText(r.bytesPerSecond)}/s · {elapsedText(r.elapsedMs)}
          </span>
          <button type="button" className="button small" onClick={() => void cancel(r.backupId)}>
            Cancel
          </button>
        </li>
      ))}
      {restores.map((r) => (
        <li key={r.restoreId} data-restore={r.restoreId}>
          <span className="backup-progress-label">
            {KIND_TEXT[r.kind]} restore: {r.finished ? r.finished.result : RESTORE_PHASE[r.phase]}
          </span>
          {!r.finished && <progress aria-label="Restore progress" {...(r.totalBytes > 0 ? { value: r.bytes, max: r.totalBytes } : {})} />}
          <span className="mono">{r.finished ? r.finished.message : `${bytesText(r.bytes)} · ${elapsedText(r.elapsedMs)}`}</span>
          {!r.finished && (
            <button type="button" className="button small" onClick={() => void cancel(r.restoreId)}>
              Cancel
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
