/** Confirms deleting a cluster, naming it and what goes with it, before anything is removed. */
import { DeleteProfileDialog } from './DeleteProfileDialog';

export function DeleteClusterDialog(props: { clusterName: string; nodeCount: number }) {
  return (
    <DeleteProfileDialog kind="cluster" name={props.clusterName}>
      This removes the profile of <strong>{props.clusterName}</strong> and its {props.nodeCount} node{props.nodeCount === 1 ? '' : 's'} from
      ClusterDeck. Nothing on the servers is touched. Export the cluster first if you may need it again.
    </DeleteProfileDialog>
  );
}
