/**
 * "Test connection" per node and what follows a changed host key: the last
 * result or error of each node, replacing the node's key with the one it was
 * seen presenting, or forgetting a jump host's key so it is asked about again.
 */
import { create } from 'zustand';
import type { ApiErrorShape } from '../../common/contract/errors';
import type { ConnectionTest } from '../../common/contract/schemas/ssh';
import { api } from '../api/client';
import { apiErrorOf } from './apiErrorText';

export type TestOutcome =
  | { status: 'running'; startedAt: number }
  | { status: 'ok'; result: ConnectionTest; at: number }
  | { status: 'failed'; error: ApiErrorShape; at: number };

export interface KeyFix {
  isBusy: boolean;
  error: string | null;
  /** Said after the fix worked: "Saved the new key …". */
  done: string | null;
}

interface ConnectionTestState {
  byNode: Readonly<Record<string, TestOutcome>>;
  keyFix: Readonly<Record<string, KeyFix>>;
  test(nodeId: string): Promise<void>;
  /** Trust the key the node was seen presenting (replaceHostKey), then test again. */
  replaceKey(nodeId: string, fingerprint: string): Promise<void>;
  /** Forget a jump host's saved keys, then test again: its new key is asked about like a new host. */
  forgetKeyAndRetest(nodeId: string, host: string, port: number): Promise<void>;
}

export const useConnectionTestStore = create<ConnectionTestState>((set, get) => {
  const setFix = (nodeId: string, fix: KeyFix) => set((s) => ({ keyFix: { ...s.keyFix, [nodeId]: fix } }));
  return {
    byNode: {},
    keyFix: {},
    async test(nodeId) {
      if (get().byNode[nodeId]?.status === 'running') return;
      set((s) => ({ byNode: { ...s.byNode, [nodeId]: { status: 'running', startedAt: Date.now() } } }));
      let outcome: TestOutcome;
      try {
        outcome = { status: 'ok', result: await api().testConnection({ nodeId }), at: Date.now() };
      } catch (err) {
        outcome = { status: 'failed', error: apiErrorOf(err), at: Date.now() };
      }
      set((s) => ({ byNode: { ...s.byNode, [nodeId]: outcome } }));
    },
    async replaceKey(nodeId, fingerprint) {
      setFix(nodeId, { isBusy: true, error: null, done: null });
      try {
        const entry = await api().replaceHostKey({ nodeId, fingerprint });
        setFix(nodeId, { isBusy: false, error: null, done: `Saved the new key ${entry.fingerprint} for ${entry.host}:${entry.port}. Testing again…` });
      } catch (err) {
        setFix(nodeId, { isBusy: false, error: apiErrorOf(err).message, done: null });
        return;
      }
      await get().test(nodeId);
    },
    async forgetKeyAndRetest(nodeId, host, port) {
      setFix(nodeId, { isBusy: true, error: null, done: null });
      try {
        const { removed } = await api().forgetHostKeys({ host, port });
        setFix(nodeId, { isBusy: false, error: null, done: `Forgot ${removed} saved key(s) of ${host}:${port}. Testing again: check the new key before you trust it.` });
      } catch (err) {
        setFix(nodeId, { isBusy: false, error: apiErrorOf(err).message, done: null });
        return;
      }
      await get().test(nodeId);
    },
  };
});
