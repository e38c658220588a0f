// `docker ps` (docker 24): -a, -q, -n, -l, --no-trunc, --filter (name, id,
// status, label, ancestor, health, network), --format (Go template / table /
// {{json .}}). The rows are the node's simulated containers.
import { listContainers, humanStatus, humanDuration, portsText, commandText } from './containerStore.mjs';
import { formatRows } from './goFormat.mjs';

const HEADERS = {
  ID: 'CONTAINER ID', Image: 'IMAGE', Command: 'COMMAND', CreatedAt: 'CREATED AT', RunningFor: 'CREATED', Ports: 'PORTS',
  State: 'STATE', Status: 'STATUS', Size: 'SIZE', Names: 'NAMES', Labels: 'LABELS', Mounts: 'MOUNTS', Networks: 'NETWORKS', LocalVolumes: 'LOCAL VOLUMES',
};
export const DEFAULT_PS_FORMAT = 'table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}';

function goTime(iso) {
  const d = new Date(iso);
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000 UTC`;
}

function ellipsis(text, max) {
  return [...text].length <= max ? text : `${[...text].slice(0, max - 1).join('')}…`;
}

export function containerRow(c, { noTrunc = false, now = Date.now() } = {}) {
  const cfg = c.config;
  const state = c.state.Status === 'starting' ? 'created' : c.state.Status;
  const command = commandText(cfg);
  const fields = {
    ID: noTrunc ? cfg.Id : cfg.Id.slice(0, 12),
    Image: cfg.Image,
    Command: JSON.stringify(noTrunc ? command : ellipsis(command, 20)),
    CreatedAt: goTime(cfg.Created),
    RunningFor: `${humanDuration(now - Date.parse(cfg.Created))} ago`,
    Ports: portsText(cfg),
    State: state,
    Status: humanStatus(c, now),
    Size: '0B',
    Names: cfg.Name,
    Labels: Object.entries(cfg.labels).map(([k, v]) => `${k}=${v}`).join(','),
    Mounts: cfg.mounts.map((m) => (noTrunc ? m.source : ellipsis(m.source, 15))).join(','),
    Networks: (cfg.networks ?? []).join(','),
    LocalVolumes: '0',
  };
  return { fields, labels: cfg.labels, self: fields };
}

function matchesFilter(c, key, value) {
  const cfg = c.config;
  switch (key) {
    case 'name': return new RegExp(value).test(cfg.Name) || new RegExp(value).test(`/${cfg.Name}`);
    case 'id': return cfg.Id.startsWith(value);
    case 'status': return (c.state.Status === 'starting' ? 'created' : c.state.Status) === value;
    case 'label': {
      const [k, v] = value.split('=');
      return k in cfg.labels && (v === undefined || cfg.labels[k] === v);
    }
    case 'ancestor': return cfg.Image === value || cfg.Image.split(':')[0] === value;
    case 'health': return (c.state.Health ?? 'none') === value;
    case 'network': return (cfg.networks ?? []).includes(value);
    default: throw new Error(`invalid filter '${key}'`);
  }
}

/** Docker ORs values of one filter key and ANDs different keys. */
export function applyFilters(containers, filters) {
  const byKey = new Map();
  for (const f of filters) {
    const eq = f.indexOf('=');
    if (eq === -1) throw new Error(`bad format of filter (expected name=value)`);
    const key = f.slice(0, eq);
    (byKey.get(key) ?? byKey.set(key, []).get(key)).push(f.slice(eq + 1));
  }
  return containers.filter((c) => [...byKey].every(([key, values]) => values.some((v) => matchesFilter(c, key, v))));
}

export function psOutput(paths, o) {
  let containers = listContainers(paths);
  const filters = o.filter ?? [];
  const hasStatusFilter = filters.some((f) => f.startsWith('status='));
  if (!o.all && !hasStatusFilter) containers = containers.filter((c) => c.state.Status === 'running');
  containers = applyFilters(containers, filters);
  if (o.latest) containers = containers.slice(0, 1);
  if (o.last !== undefined) containers = containers.slice(0, Number(o.last));
  if (o.quiet) return containers.map((c) => `${o['no-trunc'] ? c.config.Id : c.config.Id.slice(0, 12)}\n`).join('');
  const rows = containers.map((c) => containerRow(c, { noTrunc: Boolean(o['no-trunc']) }));
  return formatRows(o.format ?? DEFAULT_PS_FORMAT, rows, { headers: HEADERS, typeName: '*formatter.ContainerContext' });
}
