/** The backup history of one cluster with its filters; each row: verify, show in folder, copy path, restore, delete. */
import type { BackupRecord } from '../../../common/contract/schemas/backups';
import { useBackupStore } from '../../stores/backupStore';
import { bytesText, KIND_TEXT } from './backupText';

function StatusCell(props: { backup: BackupRecord }) {
  const { backup } = props;
  const label = backup.status === 'ok' ? (backup.verified ? 'verified' : 'not verified') : backup.status;
  return (
    <td title={backup.verification} data-status={label}>
      <span className={`backup-status backup-status-${label.replace(' ', '-')}`}>{label}</span>
    </td>
  );
}

const STATUS_FILTERS = ['all', 'ok', 'failed', 'cancelled', 'running'] as const;

/** One filter of the history: a labelled select of [value, text] options. */
function FilterSelect(props: { label: string; value: string; options: readonly (readonly [string, string])[]; onChange(value: string): void }) {
  return (
    <label>
      {props.label}{' '}
      <select aria-label={`Filter by ${props.label.toLowerCase()}`} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        {props.options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

export function BackupTable(props: { onRestore(backup: BackupRecord): void }) {
  const { backups, filter, setFilter, verify, reveal, remove } = useBackupStore();
  return (
    <>
      <div className="toolbar" role="toolbar" aria-label="Filter backups">
        <FilterSelect
          label="Kind"
          value={filter.kind}
          options={[['all', 'all'], ...Object.entries(KIND_TEXT)]}
          onChange={(kind) => void setFilter({ kind: kind as typeof filter.kind })}
        />
        <FilterSelect
          label="Status"
          value={filter.status}
          options={STATUS_FILTERS.map((status) => [status, status])}
          onChange={(status) => void setFilter({ status: status as typeof filter.status })}
        />
      </div>
      {backups.length === 0 ? (
        <p className="muted-block">No backups match. Use Back up now above.</p>
      ) : (
        <table className="data-table" aria-label="Backup history">
          <thead>
            <tr>
              <th>Started</th>
              <th>Kind</th>
              <th>Status</th>
              <th>Size</th>
              <th>Node</th>
              <th>File</th>
              <th>Note</th>
              <th>Actions</th>
            </tr>
          </thead>
          <tbody>
            {backups.map((b) => (
              <tr key={b.id} data-backup-id={b.id}>
                <td>{new Date(b.startedAt).toLocaleString()}</td>
                <td>{KIND_TEXT[b.kind]}</td>
                <StatusCell backup={b} />
                <td>{bytesText(b.size)}</td>
                <td>{b.nodeName}</td>
                <td className="mono backup-path" title={b.sha256 ? `sha256 ${b.sha256}` : ''}>
                  {b.status === 'ok' ? b.path : <span className="muted">{b.verification.replace(/^Not verified: /, '')}</span>}
                </td>
                <td>{b.note}</td>
                <td className="backup-actions">
                  {b.status === 'ok' && (
                    <>
                      <button type="button" className="button small" onClick={() => void verify(b.id)}>
                        Verify
                      </button>
                      <button type="button" className="button small" onClick={() => void reveal(b.id)} title="Show the file in the file manager">
                        Show in folder
                      </button>
                      <button type="button" className="button small" onClick={() => void navigator.clipboard?.writeText(b.path)} title="Copy the file's path">
                        Copy path
                      </button>
                      {b.kind !== 'etcd-snapshot' && (
                        <button type="button" className="button small danger" disabled={!b.verified} onClick={() => props.onRestore(b)} title={b.verified ? 'Restore this backup' : 'Only a verified backup can be restored'}>
                          Restore…
                        </button>
                      )}
                    </>
                  )}
                  {b.status !== 'running' && (
                    <button type="button" className="button small ghost" onClick={() => {
                        if (window.confirm(`Delete this ${KIND_TEXT[b.kind]} backup? The file ${b.path} and its history row are removed.`)) void remove(b.id);
                      }}
                      aria-label={`Delete backup of ${new Date(b.startedAt).toLocaleString()}`}>
                      Delete
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
