/**
 * How one service is installed in this cluster, editable: the unit name, or
 * the compose file, project, halfstack dir and container name pattern, for
 * this node only or the whole cluster; or "not installed here". Saved as an
 * override of the default catalog; each override can be reset.
 */
import { useState } from 'react';
import type { ClusterNode, ClusterWithNodes } from '../../../common/contract/schemas/profiles';
import type { ServiceEntry, ServiceOverrideInput, StoredOverride } from '../../../common/contract/schemas/services';
import { api } from '../../api/client';
import { apiErrorOf } from '../../stores/apiErrorText';
import { useServiceStatusStore } from '../../stores/serviceStatusStore';

type Draft = { unit: string; composeFile: string; composeProject: string; halfstackDir: string; containerPattern: string };

function draftOf(s: ServiceEntry): Draft {
  if (s.kind === 'systemd') return { unit: s.unit, composeFile: '', composeProject: '', halfstackDir: '', containerPattern: '' };
  return { unit: '', composeFile: s.composeFile, composeProject: s.composeProject, halfstackDir: s.halfstackDir, containerPattern: s.containerPatterns[0] ?? '' };
}

function describe(o: StoredOverride, nodes: readonly ClusterNode[]): string {
  const where = o.nodeId ? `on ${nodes.find((n) => n.id === o.nodeId)?.name ?? 'a deleted node'}` : 'in the whole cluster';
  const what = [o.variant && `variant ${o.variant}`, o.unit && `unit ${o.unit}`, o.composeFile && `file ${o.composeFile}`, o.composeProject && `project ${o.composeProject}`, o.halfstackDir && `dir ${o.halfstackDir}`, o.containerPattern && `container ${o.containerPattern}`, o.disabled && 'not installed'];
  return `${o.serviceId ?? `every ${o.role} service`} ${where}: ${what.filter(Boolean).join(', ')}`;
}

export function ServiceSettingsPanel(props: { cluster: ClusterWithNodes; node: ClusterNode; service: ServiceEntry }) {
  const { cluster, node, service } = props;
  const overrides = useServiceStatusStore((s) => s.clusters[cluster.id]?.services?.overrides) ?? [];
  const applyServices = useServiceStatusStore((s) => s.applyServices);
  const [draft, setDraft] = useState<Draft>(() => draftOf(service));
  const [onlyThisNode, setOnlyThisNode] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const mine = overrides.filter((o) => o.role === service.role && (o.serviceId === undefined || o.serviceId === service.id) && (o.nodeId === undefined || o.nodeId === node.id));

  const save = async (extra: Partial<ServiceOverrideInput>) => {
    const base = draftOf(service);
    const changed = (k: keyof Draft) => (draft[k].trim() !== '' && draft[k].trim() !== base[k] ? { [k]: draft[k].trim() } : {});
    const override: ServiceOverrideInput = {
      role: service.role,
      serviceId: service.id,
      ...(onlyThisNode ? { nodeId: node.id } : {}),
      ...(service.kind === 'systemd' ? changed('unit') : { ...changed('composeFile'), ...changed('composeProject'), ...changed('halfstackDir'), ...changed('containerPattern') }),
      ...extra,
    };
    if (Object.keys(override).length === (onlyThisNode ? 3 : 2)) {
      setError('Nothing changed: edit a field first.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      applyServices(await api().setServiceOverride({ clusterId: cluster.id, override }));
    } catch (err) {
      const e = apiErrorOf(err);
      setError(Object.values(e.fields ?? {})[0] ?? e.message);
    } finally {
      setBusy(false);
    }
  };
  const reset = async (overrideId: string) => {
    try {
      applyServices(await api().resetServiceOverride({ clusterId: cluster.id, overrideId }));
    } catch (err) {
      setError(apiErrorOf(err).message);
    }
  };
  const field = (key: keyof Draft, label: string) => (
    <label className="field field-medium" key={key}>
      <span>{label}</span>
      <input className="mono" value={draft[key]} aria-label={label} onChange={(e) => setDraft({ ...draft, [key]: e.target.value })} />
    </label>
  );

  return (
    <details className="service-settings">
      <summary>How it is installed</summary>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save({});
        }}
      >
        {service.kind === 'systemd'
          ? field('unit', 'Unit name')
          : [field('composeFile', 'Compose file'), field('composeProject', 'Compose project'), field('halfstackDir', 'Halfstack dir'), field('containerPattern', 'Container name pattern')]}
        <label>
          <input type="checkbox" checked={onlyThisNode} onChange={(e) => setOnlyThisNode(e.target.checked)} /> Only on {node.name}
        </label>
        <div className="toolbar">
          <button type="submit" className="button primary" disabled={busy}>
            Save
          </button>
          <button type="button" className="button" disabled={busy} onClick={() => void save({ disabled: true })}>
            Not installed {onlyThisNode ? 'here' : 'in this cluster'}
          </button>
        </div>
        {error && (
          <p className="form-error-inline" role="alert">
            {error}
          </p>
        )}
      </form>
      {mine.length > 0 && (
        <ul aria-label="Saved settings">
          {mine.map((o) => (
            <li key={o.id}>
              {describe(o, cluster.nodes)}{' '}
              <button type="button" className="button small" onClick={() => void reset(o.id)}>
                Reset
              </button>
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
