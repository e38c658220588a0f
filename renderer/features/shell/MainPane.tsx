/** The right-hand pane: whatever the selection says (a cluster, node, service, an editor, or the start screens). */
import { findCluster, findNode, useProfilesStore } from '../../stores/profilesStore';
import { useSelectionStore } from '../../stores/selectionStore';
import { ActivityView } from '../activity/ActivityView';
import { BackupsView } from '../backups/BackupsView';
import { ClusterEditor } from '../clusters/ClusterEditor';
import { ClusterList } from '../clusters/ClusterList';
import { ClusterOverview } from '../clusters/ClusterOverview';
import { FirstRunEmptyState } from '../clusters/FirstRunEmptyState';
import { NodeEditor } from '../clusters/NodeEditor';
import { NodeOverview } from '../clusters/NodeOverview';
import { ServiceOverview } from '../clusters/ServiceOverview';
import { KnownHostsView } from '../ssh/KnownHostsView';
import { LogView } from '../logs/LogView';
import { PreflightView } from '../preflight/PreflightView';

function HomeView() {
  const { clusters, status, error } = useProfilesStore();
  if (status === 'loading') return <p className="muted-block">Loading clusters…</p>;
  if (status === 'failed') {
    return (
      <div className="form-error" role="alert">
        {error}
      </div>
    );
  }
  return clusters.length === 0 ? <FirstRunEmptyState /> : <ClusterList />;
}

export function MainPane() {
  const view = useSelectionStore((s) => s.view);
  const clusters = useProfilesStore((s) => s.clusters);
  let content = <HomeView />;
  if (view.kind === 'cluster') {
    const cluster = findCluster(clusters, view.clusterId);
    if (cluster) content = <ClusterOverview cluster={cluster} />;
  } else if (view.kind === 'node' || view.kind === 'service') {
    const found = findNode(clusters, view.nodeId);
    if (found && view.kind === 'node') content = <NodeOverview cluster={found.cluster} node={found.node} />;
    if (found && view.kind === 'service') content = <ServiceOverview cluster={found.cluster} node={found.node} role={view.role} />;
  } else if (view.kind === 'cluster-editor') {
    content = <ClusterEditor />;
  } else if (view.kind === 'node-editor') {
    const cluster = findCluster(clusters, view.clusterId);
    if (cluster) content = <NodeEditor cluster={cluster} />;
  } else if (view.kind === 'activity') {
    content = <ActivityView />;
  } else if (view.kind === 'logs') {
    const cluster = findCluster(clusters, view.clusterId);
    if (cluster) content = <LogView key={`${view.serviceId}:${view.nodeIds?.join(',') ?? '*'}`} cluster={cluster} serviceId={view.serviceId} nodeIds={view.nodeIds} />;
  } else if (view.kind === 'preflight') {
    const found = findNode(clusters, view.nodeId);
    if (found) content = <PreflightView cluster={found.cluster} node={found.node} />;
  } else if (view.kind === 'backups') {
    const cluster = findCluster(clusters, view.clusterId);
    if (cluster) content = <BackupsView cluster={cluster} />;
  } else if (view.kind === 'known-hosts') {
    content = <KnownHostsView />;
  }
  return <main className="main-pane">{content}</main>;
}
