/** Renders the one open dialog, if any. */
import { useDialogStore } from '../../stores/dialogStore';
import { DeleteClusterDialog } from '../clusters/DeleteClusterDialog';
import { DeleteNodeDialog } from '../clusters/DeleteNodeDialog';
import { DuplicateClusterDialog } from '../clusters/DuplicateClusterDialog';
import { ImportClusterDialog } from '../clusters/ImportClusterDialog';
import { SshConfigImportDialog } from '../clusters/SshConfigImportDialog';

export function DialogHost() {
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
