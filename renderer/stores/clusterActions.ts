/**
 * The cluster and node actions behind buttons and dialogs: delete,
 * duplicate, export, import, and adding nodes from ~/.ssh/config. Each
 * reports failure in the open dialog and refreshes the profiles on success.
 */
import { ApiError } from '../../common/contract/errors';
import { api } from '../api/client';
import { nodeFieldsFromSshHost } from '../features/clusters/sshConfigNode';
import { saveTextFile } from '../features/clusters/saveTextFile';
import { apiErrorOf } from './apiErrorText';
import { useDialogStore } from './dialogStore';
import { useProfilesStore } from './profilesStore';
import { useSelectionStore } from './selectionStore';

async function runInDialog(action: () => Promise<void>): Promise<void> {
  const dialogs = useDialogStore.getState();
  dialogs.setBusy(true);
  try {
    await action();
    await useProfilesStore.getState().load();
    useDialogStore.getState().close();
  } catch (err) {
    const e = apiErrorOf(err);
    useDialogStore.getState().fail(e.message, e.fields);
  }
}

function showCluster(clusterId: string): void {
  const selection = useSelectionStore.getState();
  selection.setExpanded(`cluster:${clusterId}`, true);
  selection.focusRow(`cluster:${clusterId}`);
  selection.show({ kind: 'cluster', clusterId });
}

export async function confirmDialog(): Promise<void> {
  const dialog = useDialogStore.getState().dialog;
  if (!dialog) return;
  switch (dialog.kind) {
    case 'delete-cluster':
      return runInDialog(async () => {
        await api().deleteCluster({ clusterId: dialog.clusterId });
        useSelectionStore.getState().show({ kind: 'home' });
      });
    case 'delete-node':
      return runInDialog(async () => {
        await api().deleteNode({ nodeId: dialog.nodeId });
        useSelectionStore.getState().show({ kind: 'cluster', clusterId: dialog.clusterId });
      });
    case 'duplicate-cluster':
      return runInDialog(async () => {
        const copy = await api().duplicateCluster({ clusterId: dialog.clusterId, name: dialog.name });
        showCluster(copy.id);
      });
    case 'import-cluster':
      return runInDialog(async () => {
        const name = dialog.name.trim();
        const imported = await api().importCluster({ json: dialog.json, ...(name ? { name } : {}) });
        showCluster(imported.id);
      });
    case 'ssh-config':
      return runInDialog(async () => {
        // One addNode per host, in order; a failure stops at that host and names it.
        for (const alias of dialog.selected) {
          const host = dialog.hosts.find((h) => h.alias === alias);
          if (!host) continue;
          try {
            await api().addNode({ clusterId: dialog.clusterId, fields: nodeFieldsFromSshHost(host) });
          } catch (err) {
            const e = apiErrorOf(err);
            throw new ApiError(e.code, `Host "${alias}" was not added: ${e.message}`);
          }
        }
        showCluster(dialog.clusterId);
      });
  }
}

export function openSshConfigImport(clusterId: string, clusterName: string): void {
  useDialogStore.getState().open({ kind: 'ssh-config', clusterId, clusterName, path: '', hosts: [], selected: [], isLoaded: false });
  void loadSshConfigHosts();
}

export async function loadSshConfigHosts(): Promise<void> {
  const dialog = useDialogStore.getState().dialog;
  if (dialog?.kind !== 'ssh-config') return;
  useDialogStore.getState().setBusy(true);
  try {
    const result = await api().listSshConfigHosts({});
    const taken = new Set(useProfilesStore.getState().clusters.find((c) => c.id === dialog.clusterId)?.nodes.map((n) => n.host) ?? []);
    useDialogStore.getState().update('ssh-config', {
      path: result.path,
      hosts: result.hosts,
      // Pre-tick hosts the cluster does not have yet.
      selected: result.hosts.filter((h) => !taken.has(h.hostName)).map((h) => h.alias),
      isLoaded: true,
    });
    useDialogStore.getState().setBusy(false);
  } catch (err) {
    useDialogStore.getState().fail(apiErrorOf(err).message);
  }
}

export async function exportCluster(clusterId: string): Promise<string | null> {
  try {
    const file = await api().exportCluster({ clusterId });
    saveTextFile(file.fileName, file.json, 'application/json');
    return null;
  } catch (err) {
    return apiErrorOf(err).message;
  }
}

/** Reads the chosen file and opens the import dialog with it. */
export async function openImportDialogWith(file: File): Promise<void> {
  const dialogs = useDialogStore.getState();
  if (file.size > 5_000_000) {
    dialogs.open({ kind: 'import-cluster', fileName: file.name, json: '', name: '' });
    dialogs.fail(`${file.name} is larger than 5 MB; a cluster file is a few kilobytes. Choose a file exported by ClusterDeck.`);
    return;
  }
  const json = await file.text();
  dialogs.open({ kind: 'import-cluster', fileName: file.name, json, name: '' });
}
