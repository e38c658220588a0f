/**
 * Restore confirmation: says exactly what will happen to which cluster,
 * offers replace all vs merge for etcd, and needs the cluster's name typed.
 * The restore itself runs in main; progress shows in the list behind.
 */
import { useState } from 'react';
import type { BackupRecord, EtcdRestoreMode } from '../../../common/contract/schemas/backups';
import type { ClusterWithNodes } from '../../../common/contract/schemas/profiles';
import { Modal } from '../../controls/Modal';
import { apiErrorOf } from '../../stores/apiErrorText';
import { useBackupStore } from '../../stores/backupStore';
import { KIND_TEXT } from './backupText';

export function RestoreDialog(props: { cluster: ClusterWithNodes; backup: BackupRecord; onClose(): void }) {
  const { cluster, backup, onClose } = props;
  const startRestore = useBackupStore((s) => s.startRestore);
  const [typed, setTyped] = useState('');
  const [mode, setMode] = useState<EtcdRestoreMode>('merge');
  const [error, setError] = useState<string | null>(null);
  const matches = typed.trim() === cluster.name;
  const submit = () => {
    if (!matches) {
      setError(`Type "${cluster.name}" to confirm.`);
      return;
    }
    startRestore(backup.id, typed, backup.kind === 'etcd' ? mode : undefined).then(onClose, (err: unknown) => setError(apiErrorOf(err).message));
  };
  return (
    <Modal
      title={`Restore ${KIND_TEXT[backup.kind]} of ${cluster.name}`}
      tone="danger"
      width="wide"
      onClose={onClose}
      onSubmit={submit}
      error={error}
      actions={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button danger" disabled={!matches}>
            Restore
          </button>
        </>
      }
    >
      <p>
        From the backup of <strong>{new Date(backup.startedAt).toLocaleString()}</strong> (<span className="mono">{backup.path}</span>).
      </p>
      <p>ClusterDeck first takes a fresh safety backup of the same kind; if that fails, nothing is restored.</p>
      {backup.kind === 'pg' ? (
        <p>
          Then on <strong>{backup.nodeName}</strong> it terminates every connection to the <span className="mono">backend</span> database, <strong>drops it</strong>, and
          replays the dump with <span className="mono">psql -v ON_ERROR_STOP=1</span>. Managers lose their database connections meanwhile. Afterwards it compares every table and
          row count with the backup.
        </p>
      ) : (
        <fieldset className="restore-mode">
          <legend>How to write the etcd tree</legend>
          <label>
            <input type="radio" name="etcd-mode" value="merge" checked={mode === 'merge'} onChange={() => setMode('merge')} /> <strong>Merge</strong>: write every key of
            the backup over the live tree. Keys added since the backup stay.
          </label>
          <label>
            <input type="radio" name="etcd-mode" value="replace-all" checked={mode === 'replace-all'} onChange={() => setMode('replace-all')} /> <strong>Replace all</strong>:
            delete the whole tree first (<span className="mono">etcd delete --prefix &apos;&apos;</span>), then write the backup. The tree ends exactly as in the backup.
          </label>
        </fieldset>
      )}
      <label className="field">
        <span>
          Type the cluster name <strong className="mono">{cluster.name}</strong> to confirm
        </span>
        <input aria-label="Cluster name to confirm" value={typed} onChange={(e) => setTyped(e.target.value)} autoFocus />
      </label>
    </Modal>
  );
}
