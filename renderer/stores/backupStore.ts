/**
 * Backups as the renderer knows them: the history list under the current
 * filter, the progress of running backups and restores (from backup.* and
 * restore.* events), the last good backup per cluster and kind, and the
 * schedule of the cluster on screen. Metadata only; files stay in main.
 */
import { create } from 'zustand';
import type { EventPayload } from '../../common/contract/events';
import type { BackupCompression, BackupKind, BackupRecord, BackupSchedule, BackupStatus, EtcdRestoreMode, LastGoodBackup } from '../../common/contract/schemas/backups';
import { api } from '../api/client';
import { apiErrorOf } from './apiErrorText';

export interface BackupFilter {
  kind: BackupKind | 'all';
  status: BackupStatus | 'all';
}

export type RestoreState = EventPayload<'restore.progress'> & { finished?: EventPayload<'restore.finished'> };

interface BackupState {
  clusterId: string | null;
  filter: BackupFilter;
  backups: BackupRecord[];
  running: Record<string, EventPayload<'backup.progress'>>;
  restores: Record<string, RestoreState>;
  lastGood: LastGoodBackup[];
  schedule: BackupSchedule | null;
  folder: string | null;
  /** "Show in folder" that could not open a file manager: the path to copy and why. */
  revealed: { backupId: string; path: string; message: string } | null;
  /** The last finished backup's sentence (ok or why not). */
  notice: { tone: 'ok' | 'error'; text: string } | null;
  error: string | null;
  open(clusterId: string): Promise<void>;
  setFilter(filter: Partial<BackupFilter>): Promise<void>;
  reload(): Promise<void>;
  loadLastGood(): Promise<void>;
  startBackup(clusterId: string, kind: BackupKind, compression: BackupCompression): Promise<void>;
  cancel(id: string): Promise<void>;
  verify(id: string): Promise<void>;
  remove(id: string): Promise<void>;
  reveal(id: string): Promise<void>;
  dismissRevealed(): void;
  saveSchedule(schedule: BackupSchedule): Promise<void>;
  startRestore(backupId: string, confirmName: string, etcdMode?: EtcdRestoreMode): Promise<string>;
}

let subscribed = false;

export const useBackupStore = create<BackupState>((set, get) => {
  const fail = (err: unknown) => set({ error: apiErrorOf(err).message });
  const subscribe = () => {
    if (subscribed) return;
    subscribed = true;
    api().on('backup.progress', (p) => set((s) => ({ running: { ...s.running, [p.backupId]: p } })));
    api().on('backup.finished', ({ backup, message }) => {
      set((s) => {
        const running = { ...s.running };
        delete running[backup.id];
        return { running, notice: { tone: backup.status === 'ok' ? 'ok' : 'error', text: message } };
      });
      void get().reload();
      void get().loadLastGood();
    });
    api().on('restore.progress', (p) => set((s) => ({ restores: { ...s.restores, [p.restoreId]: { ...s.restores[p.restoreId], ...p } } })));
    api().on('restore.finished', (f) => {
      set((s) => {
        const before = s.restores[f.restoreId];
        const base: RestoreState = before ?? { restoreId: f.restoreId, clusterId: f.clusterId, kind: f.kind, phase: 'done', bytes: 0, totalBytes: 0, elapsedMs: 0 };
        return { restores: { ...s.restores, [f.restoreId]: { ...base, phase: 'done', finished: f } } };
      });
      void get().reload();
    });
  };
  return {
    clusterId: null,
    filter: { kind: 'all', status: 'all' },
    backups: [],
    running: {},
    restores: {},
    lastGood: [],
    schedule: null,
    folder: null,
    revealed: null,
    notice: null,
    error: null,
    async open(clusterId) {
      subscribe();
      set({ clusterId, schedule: null, folder: null, revealed: null, error: null, notice: null });
      await get().reload();
      try {
        const [schedule, folder] = await Promise.all([api().getBackupSchedule({ clusterId }), api().backupFolder({ clusterId })]);
        set({ schedule, folder: folder.path });
      } catch (err) {
        fail(err);
      }
    },
    async setFilter(filter) {
      set((s) => ({ filter: { ...s.filter, ...filter } }));
      await get().reload();
    },
    async reload() {
      const { clusterId, filter } = get();
      if (!clusterId) return;
      try {
        const backups = await api().listBackups({
          clusterId,
          ...(filter.kind !== 'all' ? { kind: filter.kind } : {}),
          ...(filter.status !== 'all' ? { status: filter.status } : {}),
          limit: 500,
        });
        set({ backups, error: null });
      } catch (err) {
        fail(err);
      }
    },
    async loadLastGood() {
      subscribe();
      try {
        set({ lastGood: await api().lastGoodBackups({}) });
      } catch {
        /* the home screen shows "no backup" rather than an error */
      }
    },
    async startBackup(clusterId, kind, compression) {
      set({ error: null, notice: null });
      try {
        await api().startBackup({ clusterId, kind, compression });
        await get().reload();
      } catch (err) {
        fail(err);
      }
    },
    async cancel(id) {
      try {
        await api().cancelBackup({ backupId: id });
      } catch (err) {
        fail(err);
      }
    },
    async verify(id) {
      try {
        const updated = await api().verifyBackup({ backupId: id });
        set((s) => ({ backups: s.backups.map((b) => (b.id === id ? updated : b)), notice: { tone: updated.verified ? 'ok' : 'error', text: updated.verification } }));
      } catch (err) {
        fail(err);
      }
    },
    async remove(id) {
      try {
        await api().deleteBackup({ backupId: id });
        await get().reload();
        await get().loadLastGood();
      } catch (err) {
        fail(err);
      }
    },
    async reveal(id) {
      try {
        // Core looks the path up from the history row; only the id leaves the renderer.
        const answer = await api().revealBackup({ backupId: id });
        set(answer.revealed ? { revealed: null, notice: { tone: 'ok', text: answer.message } } : { revealed: { backupId: id, path: answer.path, message: answer.message } });
      } catch (err) {
        fail(err);
      }
    },
    dismissRevealed() {
      set({ revealed: null });
    },
    async saveSchedule(schedule) {
      try {
        set({ schedule: await api().setBackupSchedule(schedule), notice: { tone: 'ok', text: 'Backup schedule saved.' } });
        await get().reload();
      } catch (err) {
        fail(err);
      }
    },
    async startRestore(backupId, confirmName, etcdMode) {
      const { restoreId } = await api().startRestore({ backupId, confirmName, ...(etcdMode ? { etcdMode } : {}) });
      return restoreId;
    },
  };
});
