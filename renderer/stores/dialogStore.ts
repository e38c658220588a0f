/** The one modal dialog open at a time, with what it is about and how its action went. */
import { create } from 'zustand';
import type { SshConfigHost } from '../../common/contract/schemas/profiles';

export type Dialog =
  | { kind: 'delete-cluster'; clusterId: string; clusterName: string; nodeCount: number }
  | { kind: 'delete-node'; nodeId: string; nodeName: string; clusterId: string; clusterName: string }
  | { kind: 'duplicate-cluster'; clusterId: string; sourceName: string; name: string }
  | { kind: 'import-cluster'; fileName: string; json: string; name: string }
  | {
      kind: 'ssh-config';
      clusterId: string;
      clusterName: string;
      path: string;
      hosts: SshConfigHost[];
      selected: string[];
      isLoaded: boolean;
    };

interface DialogState {
  dialog: Dialog | null;
  isBusy: boolean;
  error: string | null;
  fieldErrors: Record<string, string>;
  open(dialog: Dialog): void;
  /** Update the open dialog's own fields; ignored when another kind is open. */
  update<K extends Dialog['kind']>(kind: K, patch: Partial<Extract<Dialog, { kind: K }>>): void;
  setBusy(isBusy: boolean): void;
  fail(error: string, fieldErrors?: Record<string, string>): void;
  close(): void;
}

export const useDialogStore = create<DialogState>((set) => ({
  dialog: null,
  isBusy: false,
  error: null,
  fieldErrors: {},
  open(dialog) {
    set({ dialog, isBusy: false, error: null, fieldErrors: {} });
  },
  update(kind, patch) {
    set((s) => (s.dialog?.kind === kind ? { dialog: { ...s.dialog, ...patch } as Dialog } : {}));
  },
  setBusy(isBusy) {
    set({ isBusy, ...(isBusy ? { error: null, fieldErrors: {} } : {}) });
  },
  fail(error, fieldErrors = {}) {
    set({ isBusy: false, error, fieldErrors });
  },
  close() {
    set({ dialog: null, isBusy: false, error: null, fieldErrors: {} });
  },
}));
