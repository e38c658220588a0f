/**
 * The one service action in progress: what was asked (a service on one or
 * more nodes, or start/stop of a whole cluster), core's plan for it (exact
 * commands, the confirmation it needs), what the person typed, and the
 * per-node results as they come, with "retry failed" for bulk actions.
 * Closing it at the confirmation is reported to core's activity log.
 */
import { create } from 'zustand';
import type { BulkMode, ControlAction, ControlPlan, ControlResult } from '../../common/contract/schemas/services';
import { api } from '../api/client';
import { apiErrorOf } from './apiErrorText';

export type ActionRequest =
  | { kind: 'service'; clusterId: string; clusterName: string; serviceId: string; label: string; nodeIds: string[]; action: ControlAction; isBulk: boolean }
  | { kind: 'cluster'; clusterId: string; clusterName: string; action: 'start' | 'stop' };

export type ActionPhase = 'planning' | 'confirm' | 'running' | 'done';

interface ServiceActionState {
  request: ActionRequest | null;
  plan: ControlPlan | null;
  phase: ActionPhase;
  typedName: string;
  mode: BulkMode;
  runId: string;
  /** Keyed by `${nodeId}/${serviceId}`. */
  results: Record<string, ControlResult>;
  running: string[];
  message: string | null;
  error: string | null;
  open(request: ActionRequest): Promise<void>;
  setTypedName(name: string): void;
  setMode(mode: BulkMode): void;
  run(nodeIds?: readonly string[]): Promise<void>;
  retryFailed(): Promise<void>;
  close(): void;
}

export const resultKey = (nodeId: string, serviceId: string) => `${nodeId}/${serviceId}`;
const newRunId = () => `run-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

export const useServiceActionStore = create<ServiceActionState>((set, get) => ({
  request: null,
  plan: null,
  phase: 'planning',
  typedName: '',
  mode: 'sequential',
  runId: '',
  results: {},
  running: [],
  message: null,
  error: null,

  async open(request) {
    set({ request, plan: null, phase: 'planning', typedName: '', mode: 'sequential', results: {}, running: [], message: null, error: null });
    try {
      const plan =
        request.kind === 'cluster'
          ? await api().describeClusterRun({ clusterId: request.clusterId, action: request.action })
          : await api().describeControl({ clusterId: request.clusterId, serviceId: request.serviceId, nodeIds: request.nodeIds, action: request.action });
      if (get().request !== request) return;
      set({ plan, phase: 'confirm' });
      // One service on one node with nothing to confirm: run at once, as a button press should.
      if (request.kind === 'service' && !request.isBulk && plan.confirmation.kind === 'none') await get().run();
    } catch (err) {
      set({ error: apiErrorOf(err).message, phase: 'done' });
    }
  },

  setTypedName(typedName) {
    set({ typedName });
  },
  setMode(mode) {
    set({ mode });
  },

  async run(nodeIds) {
    const { request, plan, typedName, mode } = get();
    if (!request || !plan) return;
    const runId = newRunId();
    const confirmation = plan.confirmation.kind === 'none' ? undefined : { confirmed: true as const, ...(plan.confirmation.kind === 'type-name' ? { typedName } : {}) };
    const off = api().on('service.progress', (p) => {
      if (p.runId !== runId) return;
      const key = resultKey(p.nodeId, p.serviceId);
      set((s) => ({
        running: p.phase === 'running' ? [...s.running, key] : s.running.filter((k) => k !== key),
        results: p.result ? { ...s.results, [key]: p.result } : s.results,
      }));
    });
    set({ phase: 'running', runId, error: null, message: null });
    try {
      if (request.kind === 'cluster') {
        const call = request.action === 'start' ? api().startCluster : api().stopCluster;
        const result = await call({ clusterId: request.clusterId, runId, ...(confirmation ? { confirmation } : {}) });
        set({ message: result.message });
      } else if (!request.isBulk) {
        const nodeId = request.nodeIds[0] ?? '';
        const result = await api().controlService({ nodeId, serviceId: request.serviceId, action: request.action, runId, ...(confirmation ? { confirmation } : {}) });
        set((s) => ({ results: { ...s.results, [resultKey(nodeId, request.serviceId)]: result } }));
      } else {
        const ids = nodeIds ? [...nodeIds] : request.nodeIds;
        await api().controlBulk({ clusterId: request.clusterId, serviceId: request.serviceId, nodeIds: ids, action: request.action, mode, runId, ...(confirmation ? { confirmation } : {}) });
      }
      set({ phase: 'done', running: [] });
    } catch (err) {
      set({ phase: 'confirm', running: [], error: apiErrorOf(err).message });
    } finally {
      off();
    }
  },

  async retryFailed() {
    const failed = Object.values(get().results).filter((r) => !r.ok).map((r) => r.nodeId);
    if (failed.length) await get().run(failed);
  },

  close() {
    const { request, plan, phase } = get();
    // Closed at the confirmation without going ahead: the activity log records it (core decides whether one was due).
    if (request && plan && phase === 'confirm' && plan.confirmation.kind !== 'none') {
      const declined =
        request.kind === 'cluster'
          ? { clusterId: request.clusterId, action: request.action }
          : { clusterId: request.clusterId, action: request.action, serviceId: request.serviceId, nodeIds: request.nodeIds };
      void api().recordDeclinedAction(declined).catch(() => undefined);
    }
    set({ request: null, plan: null, phase: 'planning', results: {}, running: [], message: null, error: null, typedName: '' });
  },
}));
