/**
 * Renders the one open dialog of the app's own actions, if any, and the SSH
 * engine's questions (host keys, logins, the secrets passphrase), which
 * arrive on their own and may stack on top of it.
 */
import { useDialogStore } from '../../stores/dialogStore';
import { DeleteClusterDialog } from '../clusters/DeleteClusterDialog';
import { DeleteNodeDialog } from '../clusters/DeleteNodeDialog';
import { DuplicateClusterDialog } from '../clusters/DuplicateClusterDialog';
import { ImportClusterDialog } from '../clusters/ImportClusterDialog';
import { SshConfigImportDialog } from '../clusters/SshConfigImportDialog';
import { SshPrompts } from '../ssh/SshPrompts';

function ActionDialog() {
  const dialog = useDialogStore((s) => s.dialog);
  switch (dialog?.kind) {
    case 'delete-cluster':
      return <DeleteClusterDialog clusterName={dialog.clusterName} nodeCount={dialog.nodeCount} />;
    case 'delete-node':
      return <DeleteNodeDialog nodeName={dialog.nodeName} clusterName={dialog.clusterName} />;
    case 'duplicate-cluster':
      return <DuplicateClusterDialog sourceName={dialog.sourceName} name={dialog.name} />;
    case 'import-cluster':
      return <ImportClusterDialog fileName={dialog.fileName} name={dialog.name} hasFile={dialog.json !== ''} />;
    case 'ssh-config':
      return <SshConfigImportDialog dialog={dialog} />;
    default:
      return null;
  }
}

export function DialogHost() {
  return (
    <>
      <ActionDialog />
      <SshPrompts />
    </>
  );
}
