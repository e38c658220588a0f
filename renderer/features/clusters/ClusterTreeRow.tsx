/** One row of the sidebar tree: a cluster (colour dot, health), a node (host, health) or a service (state badge). */
import type { ClusterWithNodes } from '../../../common/contract/schemas/profiles';
import { TreeRowHealth } from '../services/TreeRowHealth';
import { NodeConnectionDot } from '../ssh/NodeConnectionDot';
import type { TreeRow } from './clusterTreeRows';
import { NodeTerminalButton } from '../terminals/NodeTerminalButton';
import { showNodeTerminalMenu } from '../terminals/NodeTerminalContextMenu';

interface ClusterTreeRowProps {
  row: TreeRow;
  cluster: ClusterWithNodes | undefined;
  isExpanded: boolean;
  isFocused: boolean;
  isSelected: boolean;
  setSize: number;
  posInSet: number;
  onClick(): void;
  onToggle(): void;
  registerElement(el: HTMLDivElement | null): void;
}

export function ClusterTreeRow({ registerElement, ...props }: ClusterTreeRowProps) {
  const { row } = props;
  return (
    <div
      ref={registerElement}
      role="treeitem"
      data-row-id={row.id}
      aria-level={row.level}
      aria-setsize={props.setSize}
      aria-posinset={props.posInSet}
      aria-expanded={row.hasChildren ? props.isExpanded : undefined}
      aria-selected={props.isSelected}
      aria-label={row.kind === 'cluster' ? `Cluster ${row.label}` : row.kind === 'node' ? `Node ${row.label}` : `Service ${row.label}`}
      tabIndex={props.isFocused ? 0 : -1}
      className={`tree-row tree-row-${row.kind}${props.isSelected ? ' is-selected' : ''}`}
      style={{ paddingLeft: `${(row.level - 1) * 14 + 6}px` }}
      onClick={props.onClick}
      onContextMenu={row.kind === 'node' && row.nodeId ? (e) => showNodeTerminalMenu(e, { clusterId: row.clusterId, nodeId: row.nodeId ?? '', nodeName: row.label }) : undefined}
    >
      <span
        className={`tree-twisty${row.hasChildren ? '' : ' is-leaf'}${props.isExpanded ? ' is-open' : ''}`}
        aria-hidden="true"
        onClick={(e) => {
          e.stopPropagation();
          if (row.hasChildren) props.onToggle();
        }}
      />
      {row.kind === 'cluster' && (
        <span className="cluster-dot" style={{ backgroundColor: props.cluster?.color }} aria-hidden="true" />
      )}
      {row.kind !== 'service' && <TreeRowHealth kind={row.kind} clusterId={row.clusterId} nodeId={row.nodeId} serviceId={null} />}
      {row.kind === 'node' && <span className="node-glyph" aria-hidden="true" />}
      <span className="tree-label">{row.label}</span>
      {row.kind === 'cluster' && props.cluster?.isProduction && <span className="prod-tag">PROD</span>}
      {row.kind === 'node' && <span className="tree-detail mono">{row.detail}</span>}
      {row.kind === 'node' && row.nodeId && <NodeTerminalButton nodeId={row.nodeId} nodeName={row.label} />}
      {row.kind === 'node' && row.nodeId && <NodeConnectionDot nodeId={row.nodeId} />}
      {row.kind === 'service' && <TreeRowHealth kind="service" clusterId={row.clusterId} nodeId={row.nodeId} serviceId={row.serviceId} />}
      {row.kind === 'cluster' && <span className="tree-count">{props.cluster?.nodes.length ?? 0}</span>}
    </div>
  );
}
