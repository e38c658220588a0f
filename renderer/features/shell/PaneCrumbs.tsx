/** The "cluster / node /" links at the head of a pane, each opening that cluster's or node's view. */
import type { ClusterNode, ClusterWithNodes } from '../../../common/contract/schemas/profiles';
import { useSelectionStore } from '../../stores/selectionStore';

export function PaneCrumbs(props: { cluster: ClusterWithNodes; node?: ClusterNode }) {
  const { cluster, node } = props;
  const show = useSelectionStore((s) => s.show);
  return (
    <>
      <button type="button" className="link-button crumb" onClick={() => show({ kind: 'cluster', clusterId: cluster.id })}>
        {cluster.name}
      </button>
      <span className="crumb-sep">/</span>
      {node && (
        <>
          <button type="button" className="link-button crumb" onClick={() => show({ kind: 'node', nodeId: node.id })}>
            {node.name}
          </button>
          <span className="crumb-sep">/</span>
        </>
      )}
    </>
  );
}
