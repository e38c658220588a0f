/**
 * Where "Show in folder" could not open a file manager (a web form reached
 * from another machine, no desktop, a launcher that failed): the file's path
 * with the reason and a copy button, so the operator can still find it.
 */
import { useBackupStore } from '../../stores/backupStore';

export function RevealedPath() {
  const { revealed, dismissRevealed } = useBackupStore();
  if (!revealed) return null;
  return (
    <div className="backup-revealed" role="status" data-revealed-backup={revealed.backupId}>
      <p>{revealed.message}</p>
      <p className="backup-revealed-path">
        <span className="mono">{revealed.path}</span>
        <button type="button" className="button small" onClick={() => void navigator.clipboard?.writeText(revealed.path)}>
          Copy path
        </button>
        <button type="button" className="button small ghost" onClick={dismissRevealed} aria-label="Close the file's path">
          Close
        </button>
      </p>
    </div>
  );
}
