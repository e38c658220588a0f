/**
 * Which credentials are saved (listSecrets: kind, scope, date; never a
 * value), saving and forgetting them, and unlocking the web form's secrets
 * with the passphrase. Typed secret values pass through as call arguments only.
 */
import { create } from 'zustand';
import type { SecretInfo, SecretKind, SecretScope } from '../../common/contract/schemas/ssh';
import { api } from '../api/client';
import { apiErrorOf } from './apiErrorText';
import { useAppStore } from './appStore';

/** "node:<id>/sudo-password": one secret slot in a form. */
export const secretSlot = (scope: SecretScope, kind: SecretKind) => `${'nodeId' in scope ? `node:${scope.nodeId}` : `cluster:${scope.clusterId}`}/${kind}`;

interface SecretsState {
  /** Saved secrets of each loaded cluster (its own and its nodes'). */
  byCluster: Readonly<Record<string, SecretInfo[]>>;
  busySlot: string | null;
  slotErrors: Readonly<Record<string, string>>;
  loadError: string | null;
  isUnlockOpen: boolean;
  isUnlocking: boolean;
  unlockError: string | null;
  load(clusterId: string): Promise<void>;
  save(clusterId: string, scope: SecretScope, kind: SecretKind, value: string): Promise<boolean>;
  forget(clusterId: string, scope: SecretScope, kind: SecretKind): Promise<void>;
  openUnlock(): void;
  closeUnlock(): void;
  unlock(passphrase: string): Promise<void>;
}

export function savedSecretOf(list: readonly SecretInfo[] | undefined, scope: SecretScope, kind: SecretKind): SecretInfo | undefined {
  const slot = secretSlot(scope, kind);
  return list?.find((s) => secretSlot(s.scope, s.kind) === slot);
}

export const useSecretsStore = create<SecretsState>((set, get) => {
  const failSlot = (slot: string, err: unknown) => {
    const e = apiErrorOf(err);
    set((s) => ({ busySlot: null, slotErrors: { ...s.slotErrors, [slot]: e.message } }));
    if (e.code === 'locked') set({ isUnlockOpen: true });
  };
  const clearSlot = (slot: string) =>
    set((s) => {
      const slotErrors = { ...s.slotErrors };
      delete slotErrors[slot];
      return { busySlot: slot, slotErrors };
    });
  return {
    byCluster: {},
    busySlot: null,
    slotErrors: {},
    loadError: null,
    isUnlockOpen: false,
    isUnlocking: false,
    unlockError: null,
    async load(clusterId) {
      try {
        const list = await api().listSecrets({ clusterId });
        set((s) => ({ byCluster: { ...s.byCluster, [clusterId]: list }, loadError: null }));
      } catch (err) {
        set({ loadError: apiErrorOf(err).message });
      }
    },
    async save(clusterId, scope, kind, value) {
      const slot = secretSlot(scope, kind);
      clearSlot(slot);
      try {
        await api().setSecret({ scope, kind, value });
      } catch (err) {
        failSlot(slot, err);
        return false;
      }
      set({ busySlot: null });
      await get().load(clusterId);
      return true;
    },
    async forget(clusterId, scope, kind) {
      const slot = secretSlot(scope, kind);
      clearSlot(slot);
      try {
        await api().forgetSecret({ scope, kind });
      } catch (err) {
        failSlot(slot, err);
        return;
      }
      set({ busySlot: null });
      await get().load(clusterId);
    },
    openUnlock() {
      set({ isUnlockOpen: true, unlockError: null });
    },
    closeUnlock() {
      set({ isUnlockOpen: false, unlockError: null, isUnlocking: false });
    },
    async unlock(passphrase) {
      set({ isUnlocking: true, unlockError: null });
      try {
        const { secrets } = await api().unlockSecrets({ passphrase });
        await useAppStore.getState().loadInfo();
        if (secrets === 'unlocked') set({ isUnlockOpen: false, isUnlocking: false, slotErrors: {} });
        else set({ isUnlocking: false, unlockError: 'The secrets are still locked. Try the passphrase again.' });
      } catch (err) {
        const e = apiErrorOf(err);
        set({ isUnlocking: false, unlockError: e.fields?.passphrase && e.code === 'invalid_input' ? e.fields.passphrase : e.message });
      }
    },
  };
});
