/**
 * The main pane for one service on one node: how it runs (unit or compose
 * file and project), its state with the facts the sweep read, the controls,
 * and the last log lines when it failed. A role with several services (the
 * agent and its watcher) shows the one picked in the tree.
 */
import { useEffect, useState } from 'react';
import type { ClusterNode, ClusterWithNodes, Role } from '../../../common/contract/schemas/profiles';
import type { JournalTail, ServiceEntry } from '../../../common/contract/schemas/services';
import { api } from '../../api/client';
import { apiErrorOf } from '../../stores/apiErrorText';
import { useSelectionStore } from '../../stores/selectionStore';
import { PaneCrumbs } from '../shell/PaneCrumbs';
import { useServiceStatusStore } from '../../stores/serviceStatusStore';
import { ServiceControls } from '../services/ServiceControls';
import { ServiceSettingsPanel } from '../services/ServiceSettingsPanel';
import { ServiceStateBadge } from '../services/ServiceStateBadge';
import { OpenLogsButtons } from '../logs/OpenLogsButtons';

function runsAs(s: ServiceEntry): string {
  return s.kind === 'systemd' ? s.unit : `${s.halfstackDir}/${s.composeFile} (project ${s.composeProject})`;
}

function FailedTail(props: { nodeId: string; serviceId: string; checkedAt: string }) {
  const [tail, setTail] = useState<JournalTail | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    api()
      .getJournalTail({ nodeId: props.nodeId, serviceId: props.serviceId, lines: 20 })
      .then((t) => live && setTail(t))
      .catch((err: unknown) => live && setError(apiErrorOf(err).message));
    return () => {
      live = false;
    };
  }, [props.nodeId, props.serviceId, props.checkedAt]);
  if (error) return <p className="form-error-inline">{error}</p>;
  if (!tail) return <p className="muted-block">Reading the last log lines…</p>;
  return (
    <>
      <h2 className="section-title">Last log lines</h2>
      <div className="command-line">$ {tail.command}</div>
      <pre className="command-output" aria-label="Last log lines">{tail.text || '(no log lines)'}</pre>
    </>
  );
}

export function ServiceOverview(props: { cluster: ClusterWithNodes; node: ClusterNode; role: Role }) {
  const { cluster, node } = props;
  const view = useSelectionStore((s) => s.view);
  const state = useServiceStatusStore((s) => s.clusters[cluster.id]);
  const services = state?.services?.nodes.find((n) => n.nodeId === node.id)?.services ?? [];
  const wanted = view.kind === 'service' ? view.serviceId : undefined;
  const service = services.find((s) => s.id === wanted) ?? services.find((s) => s.role === props.role);
  const nodeStatus = state?.nodes[node.id];
  const status = service ? nodeStatus?.statuses.find((s) => s.serviceId === service.id) : undefined;
  if (!service) {
    return <p className="muted-block">{state?.services ? `${node.name} does not run this service any more.` : 'Reading the services…'}</p>;
  }
  return (
    <section className="pane" aria-labelledby="service-title">
      <header className="pane-header">
        <PaneCrumbs cluster={cluster} node={node} />
        <h1 id="service-title">{service.label}</h1>
        <ServiceStateBadge status={status} />
      </header>
      <ServiceControls cluster={cluster} nodeId={node.id} service={service} />
      <OpenLogsButtons
        clusterId={cluster.id}
        nodeId={node.id}
        serviceId={service.id}
        label={service.label}
        nodeCount={state?.services?.nodes.filter((n) => n.services.some((s) => s.id === service.id)).length ?? 1}
      />
      <dl className="facts">
        <div>
          <dt>Runs as</dt>
          <dd className="mono">{runsAs(service)}</dd>
        </div>
        <div>
          <dt>State</dt>
          <dd>{status ? status.detail : 'Not checked yet: use Refresh status on the cluster.'}</dd>
        </div>
        {status?.since && (
          <div>
            <dt>Since</dt>
            <dd>{new Date(status.since).toLocaleString()}</dd>
          </div>
        )}
        {status?.mainPid != null && (
          <div>
            <dt>Main PID</dt>
            <dd className="mono">{status.mainPid}</dd>
          </div>
        )}
        {status?.restarts != null && (
          <div>
            <dt>Restarts</dt>
            <dd>{status.restarts}</dd>
          </div>
        )}
        {status && status.containers.length > 0 && (
          <div>
            <dt>Containers</dt>
            <dd className="mono">{status.containers.map((c) => `${c.name}: ${c.status}`).join('; ')}</dd>
          </div>
        )}
        {nodeStatus && (
          <div>
            <dt>Checked</dt>
            <dd>{new Date(nodeStatus.checkedAt).toLocaleTimeString()}</dd>
          </div>
        )}
      </dl>
      <ServiceSettingsPanel key={`${node.id}/${service.id}`} cluster={cluster} node={node} service={service} />
      {status?.state === 'failed' && nodeStatus && <FailedTail nodeId={node.id} serviceId={service.id} checkedAt={nodeStatus.checkedAt} />}
    </section>
  );
}
