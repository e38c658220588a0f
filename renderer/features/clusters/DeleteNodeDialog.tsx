/** Confirms removing one node from a cluster's profile. */
import { DeleteProfileDialog } from './DeleteProfileDialog';

export function DeleteNodeDialog(props: { nodeName: string; clusterName: string }) {
  return (
    <DeleteProfileDialog kind="node" name={props.nodeName}>
      This removes <strong>{props.nodeName}</strong> from the profile of cluster <strong>{props.clusterName}</strong>. The server itself is not
      touched.
    </DeleteProfileDialog>
  );
}
