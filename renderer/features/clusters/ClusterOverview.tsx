/** The main pane for one cluster: who it is for, its services x nodes with their state, how it is reached, and its nodes. */
import type { ClusterWithNodes } from '../../../common/contract/schemas/profiles';
import { authMethodLabel, SUDO_MODE_OPTIONS } from './authMethodOptions';
import { ClusterRunButtons } from '../services/ClusterRunButtons';
import { ServiceMatrix } from '../services/ServiceMatrix';
import { SweepToolbar } from '../services/SweepToolbar';
import { BackupsButton } from '../backups/BackupsButton';
import { ClusterActionsBar } from './ClusterActionsBar';
import { NodeTable } from './NodeTable';

function jumpChainText(cluster: ClusterWithNodes): string {
  if (cluster.ssh.jumpHosts.length === 0) return 'direct';
  return cluster.ssh.jumpHosts.map((j) => `${j.user ? `${j.user}@` : ''}${j.host}${j.port !== 22 ? `:${j.port}` : ''}`).join(' → ');
}

export function ClusterOverview(props: { cluster: ClusterWithNodes }) {
  const { cluster } = props;
  return (
    <section className="pane" aria-labelledby="cluster-title">
      <header className="pane-header">
        <span className="cluster-dot large" style={{ backgroundColor: cluster.color }} aria-hidden="true" />
        <h1 id="cluster-title">{cluster.name}</h1>
        {cluster.isProduction && <span className="prod-tag">PRODUCTION</span>}
        {cluster.customer && <span className="pane-subtitle">{cluster.customer}</span>}
        {cluster.tags.map((t) => (
          <span key={t} className="chip">
            {t}
          </span>
        ))}
      </header>
      <ClusterActionsBar cluster={cluster} />
      <SweepToolbar cluster={cluster} />
      <BackupsButton cluster={cluster} />
      <h2 className="section-title">Services</h2>
      <div className="toolbar" role="toolbar" aria-label={`Whole cluster ${cluster.name}`}>
        <ClusterRunButtons cluster={cluster} />
      </div>
      <ServiceMatrix cluster={cluster} />
      <dl className="facts">
        <div>
          <dt>SSH login</dt>
          <dd>
            <span className="mono">{cluster.ssh.user}</span>, port <span className="mono">{cluster.ssh.port}</span>
          </dd>
        </div>
        <div>
          <dt>Authentication</dt>
          <dd>
            {authMethodLabel(cluster.ssh.authMethod)}
            {cluster.ssh.keyPath && <span className="mono"> {cluster.ssh.keyPath}</span>}
          </dd>
        </div>
        <div>
          <dt>Jump hosts</dt>
          <dd className="mono">{jumpChainText(cluster)}</dd>
        </div>
        <div>
          <dt>Halfstack</dt>
          <dd className="mono">
            {cluster.halfstackDir} (project {cluster.composeProject})
          </dd>
        </div>
        <div>
          <dt>Manager</dt>
          <dd className="mono">{cluster.managerDir}</dd>
        </div>
        <div>
          <dt>sudo</dt>
          <dd>{SUDO_MODE_OPTIONS.find((o) => o.value === cluster.sudoMode)?.label ?? cluster.sudoMode}</dd>
        </div>
      </dl>
      {cluster.notes && <p className="notes">{cluster.notes}</p>}
      <h2 className="section-title">
        Nodes <span className="muted">({cluster.nodes.length})</span>
      </h2>
      <NodeTable cluster={cluster} />
    </section>
  );
}
