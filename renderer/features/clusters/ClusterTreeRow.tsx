/** One row of the sidebar tree: a cluster (colour dot), a node (host) or a service (status badge). */
import type { ClusterWithNodes } from '../../../common/contract/schemas/profiles';
import { StatusBadge } from '../../controls/StatusBadge';
import type { TreeRow } from './clusterTreeRows';

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
      {row.kind === 'node' && <span className="node-glyph" aria-hidden="true" />}
      <span className="tree-label">{row.label}</span>
      {row.kind === 'cluster' && props.cluster?.isProduction && <span className="prod-tag">PROD</span>}
      {row.kind === 'node' && <span className="tree-detail mono">{row.detail}</span>}
      {row.kind === 'service' && <StatusBadge status="unknown" />}
      {row.kind === 'cluster' && <span className="tree-count">{props.cluster?.nodes.length ?? 0}</span>}
    </div>
  );
}
