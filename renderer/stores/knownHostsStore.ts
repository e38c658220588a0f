/**
 * The Known hosts screen: host keys ClusterDeck saved, forgetting them, the
 * lines of ~/.ssh/known_hosts (read-only: shown so the operator sees why a
 * host is trusted or refused), and the bulk re-key of reinstalled nodes
 * (scan every node, compare with the saved key, then replace the changed
 * ones the operator accepts).
 */
import { create } from 'zustand';
import type { AppKnownHost, FileKnownHost, KnownHostsFileInfo, RekeyResult } from '../../common/contract/schemas/ssh';
import { api } from '../api/client';
import { apiErrorOf } from './apiErrorText';

export type RekeyRow = RekeyResult & { replaced?: boolean; replaceError?: string };

interface KnownHostsState {
  /** Keys saved in ClusterDeck: these can be forgotten or replaced. */
  saved: AppKnownHost[];
  /** Lines of ~/.ssh/known_hosts, in file order: read-only here. */
  fileLines: FileKnownHost[];
  knownHostsFile: KnownHostsFileInfo | null;
  status: 'idle' | 'loading' | 'ready' | 'failed';
  error: string | null;
  /** host:port waiting for "Forget" to be confirmed. */
  confirmingForget: string | null;
  rekey: { isRunning: boolean; rows: RekeyRow[]; error: string | null; clusterName: string | null };
  load(): Promise<void>;
  askForget(hostPort: string | null): void;
  forget(host: string, port: number): Promise<void>;
  runRekey(clusterName: string, nodeIds: string[]): Promise<void>;
  acceptRekey(nodeId: string): Promise<void>;
}

export const hostPortOf = (e: { host: string; port: number }) => `${e.host}:${e.port}`;

export const useKnownHostsStore = create<KnownHostsState>((set, get) => {
  const patchRow = (nodeId: string, patch: Partial<RekeyRow>) =>
    set((s) => ({ rekey: { ...s.rekey, rows: s.rekey.rows.map((r) => (r.nodeId === nodeId ? { ...r, ...patch } : r)) } }));
  return {
    saved: [],
    fileLines: [],
    knownHostsFile: null,
    status: 'idle',
    error: null,
    confirmingForget: null,
    rekey: { isRunning: false, rows: [], error: null, clusterName: null },
    async load() {
      set({ status: 'loading' });
      try {
        const { entries, knownHostsFile } = await api().listKnownHosts({});
        set({
          saved: entries.filter((e): e is AppKnownHost => e.source === 'app'),
          fileLines: entries.filter((e): e is FileKnownHost => e.source === 'known_hosts'),
          knownHostsFile,
          status: 'ready',
          error: null,
        });
      } catch (err) {
        set({ status: 'failed', error: apiErrorOf(err).message });
      }
    },
    askForget(hostPort) {
      set({ confirmingForget: hostPort });
    },
    async forget(host, port) {
      try {
        await api().forgetHostKeys({ host, port });
        set({ confirmingForget: null, error: null });
      } catch (err) {
        set({ error: apiErrorOf(err).message });
      }
      await get().load();
    },
    async runRekey(clusterName, nodeIds) {
      if (nodeIds.length === 0) return;
      set({ rekey: { isRunning: true, rows: [], error: null, clusterName } });
      try {
        const rows = await api().rekeyNodes({ nodeIds });
        set({ rekey: { isRunning: false, rows, error: null, clusterName } });
      } catch (err) {
        set({ rekey: { isRunning: false, rows: [], error: apiErrorOf(err).message, clusterName } });
      }
    },
    async acceptRekey(nodeId) {
      const row = get().rekey.rows.find((r) => r.nodeId === nodeId);
      if (!row?.fingerprint) return;
      try {
        await api().replaceHostKey({ nodeId, fingerprint: row.fingerprint });
        patchRow(nodeId, { replaced: true });
      } catch (err) {
        patchRow(nodeId, { replaceError: apiErrorOf(err).message });
      }
      await get().load();
    },
  };
});
