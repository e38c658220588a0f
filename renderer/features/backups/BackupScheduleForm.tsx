/** Scheduled backups while the app runs (every N hours) and retention (keep the newest K per kind). */
import { useState } from 'react';
import type { BackupCompression, BackupKind, BackupSchedule } from '../../../common/contract/schemas/backups';
import { useBackupStore } from '../../stores/backupStore';

/** Keyed by the saved schedule in the parent, so a save or reload starts a fresh draft. */
export function BackupScheduleForm(props: { schedule: BackupSchedule }) {
  const saveSchedule = useBackupStore((s) => s.saveSchedule);
  const [draft, setDraft] = useState(props.schedule);
  const toggleKind = (kind: BackupKind, on: boolean) =>
    setDraft((d) => ({ ...d, kinds: on ? [...new Set([...d.kinds, kind])] : d.kinds.filter((k) => k !== kind).length ? d.kinds.filter((k) => k !== kind) : d.kinds }));
  return (
    <form
      className="toolbar backup-schedule"
      aria-label="Backup schedule"
      onSubmit={(e) => {
        e.preventDefault();
        void saveSchedule(draft);
      }}
    >
      <label>
        Back up{' '}
        <select
          aria-label="Schedule"
          value={draft.everyHours ?? 0}
          onChange={(e) => setDraft((d) => ({ ...d, everyHours: Number(e.target.value) || null }))}
        >
          <option value={0}>only by hand</option>
          {[1, 3, 6, 12, 24, 72, 168].map((h) => (
            <option key={h} value={h}>
              every {h} h
            </option>
          ))}
        </select>
      </label>
      <label>
        <input type="checkbox" checked={draft.kinds.includes('pg')} onChange={(e) => toggleKind('pg', e.target.checked)} /> PostgreSQL
      </label>
      <label>
        <input type="checkbox" checked={draft.kinds.includes('etcd')} onChange={(e) => toggleKind('etcd', e.target.checked)} /> etcd
      </label>
      <label>
        <select aria-label="Scheduled compression" value={draft.compression} onChange={(e) => setDraft((d) => ({ ...d, compression: e.target.value as BackupCompression }))}>
          <option value="none">no compression</option>
          <option value="gzip">gzip</option>
          <option value="zstd">zstd</option>
        </select>
      </label>
      <label>
        Keep newest{' '}
        <input
          aria-label="Keep newest"
          type="number"
          min={1}
          max={1000}
          value={draft.keep}
          onChange={(e) => setDraft((d) => ({ ...d, keep: Math.max(1, Math.min(1000, Number(e.target.value) || 1)) }))}
          className="backup-keep"
        />{' '}
        per kind
      </label>
      <button type="submit" className="button">
        Save schedule
      </button>
    </form>
  );
}
