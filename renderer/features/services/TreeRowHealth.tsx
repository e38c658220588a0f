/** The state at each level of the tree: a health dot for clusters and nodes, a state pill for services. */
import { useServiceStatusStore } from '../../stores/serviceStatusStore';
import { HealthDot } from './HealthDot';
import { ServiceStateBadge } from './ServiceStateBadge';
import { isUnreachable } from './serviceStateLook';

export function TreeRowHealth(props: { kind: 'cluster' | 'node' | 'service'; clusterId: string; nodeId: string | null; serviceId: string | null }) {
  const cluster = useServiceStatusStore((s) => s.clusters[props.clusterId]);
  if (props.kind === 'cluster') return <HealthDot rollup={cluster?.rollup} />;
  const node = props.nodeId ? cluster?.nodes[props.nodeId] : undefined;
  if (props.kind === 'node') return <HealthDot rollup={node?.rollup} unreachable={isUnreachable(node)} />;
  return <ServiceStateBadge status={node?.statuses.find((s) => s.serviceId === props.serviceId)} />;
}
