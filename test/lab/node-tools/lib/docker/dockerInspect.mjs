// `docker inspect` (the fields tools read: Id, Name, State, Config.Image,
// Config.Labels, Config.Env, HostConfig.PortBindings, Mounts) and a fixed
// `docker images` list matching the images the halfstack and agents use.
import { formatRows } from './goFormat.mjs';

function stateOf(c) {
  const s = c.state;
  const running = s.Status === 'running';
  return {
    Status: s.Status === 'starting' ? 'created' : s.Status, Running: running, Paused: false, Restarting: false, OOMKilled: false, Dead: false,
    Pid: running ? s.Pid : 0, ExitCode: s.ExitCode ?? 0, Error: '', StartedAt: s.StartedAt ?? '0001-01-01T00:00:00Z', FinishedAt: s.FinishedAt ?? '0001-01-01T00:00:00Z',
    ...(c.config.healthcheck ? { Health: { Status: s.Health ?? 'unhealthy', FailingStreak: 0, Log: [] } } : {}),
  };
}

export function inspectObject(c) {
  const cfg = c.config;
  return {
    Id: cfg.Id,
    Created: cfg.Created,
    Path: cfg.entrypoint,
    Args: cfg.cmd,
    State: stateOf(c),
    Image: `sha256:${cfg.Id.split('').reverse().join('')}`,
    Name: `/${cfg.Name}`,
    RestartCount: 0,
    Driver: 'overlay2',
    Platform: 'linux',
    HostConfig: {
      PortBindings: Object.fromEntries(cfg.ports.map((p) => [`${p.containerPort}/${p.proto}`, [{ HostIp: p.hostIp === '0.0.0.0' ? '' : p.hostIp, HostPort: String(p.hostPort ?? '') }]])),
      RestartPolicy: { Name: 'unless-stopped', MaximumRetryCount: 0 },
      NetworkMode: cfg.networks?.[0] ?? 'default',
    },
    Mounts: cfg.mounts.map((m) => ({ Type: 'bind', Source: m.source, Destination: m.target, Mode: m.mode, RW: m.mode !== 'ro', Propagation: 'rprivate' })),
    Config: { Hostname: cfg.Id.slice(0, 12), Env: cfg.env, Cmd: cfg.cmd, Image: cfg.Image, WorkingDir: cfg.workdir, Entrypoint: [cfg.entrypoint], Labels: cfg.labels, StopSignal: cfg.stopSignal ?? undefined },
    NetworkSettings: { Ports: Object.fromEntries(cfg.ports.map((p) => [`${p.containerPort}/${p.proto}`, [{ HostIp: p.hostIp, HostPort: String(p.hostPort ?? '') }]])) },
  };
}

export function inspectJson(containers, format) {
  const objects = containers.map(inspectObject);
  if (format) {
    return formatRows(format, objects.map((obj) => ({ fields: obj, labels: obj.Config.Labels, self: obj })), { headers: {}, typeName: '*types.ContainerJSON' });
  }
  return `${JSON.stringify(objects, null, 4)}\n`;
}

const IMAGES = [
  ['postgres', '15.6-alpine', '8d0d9ea4b2a5', '5 months ago', '243MB'],
  ['redis', '7.2.4-alpine', '435993df2c8d', '6 months ago', '41MB'],
  ['quay.io/coreos/etcd', 'v3.5.14', 'c1b3c2b3d3a1', '4 months ago', '57.3MB'],
  ['lablup/backend.ai-wsproxy', '24.03.3', '5fe7f0a3c0d2', '3 months ago', '312MB'],
];
const AGENT_IMAGES = [
  ['cr.backend.ai/stable/python-tensorflow', '2.13-py310-cuda11.8', '0f6f3d4a8e21', '7 months ago', '11.2GB'],
  ['cr.backend.ai/stable/python-pytorch', '2.1-py310-cuda12.1', '77a2b1c9d0e4', '5 months ago', '13.9GB'],
];

export function imagesOutput(roles, o) {
  const list = roles.includes('agent') ? [...IMAGES, ...AGENT_IMAGES] : IMAGES;
  if (o.quiet) return list.map((i) => `${i[2]}\n`).join('');
  const rows = list.map(([repo, tag, id, created, size]) => {
    const fields = { Repository: repo, Tag: tag, ID: id, CreatedSince: created, CreatedAt: '2024-01-10 09:00:00 +0000 UTC', Size: size, Digest: '<none>', Containers: 'N/A', SharedSize: 'N/A', UniqueSize: 'N/A', VirtualSize: size };
    return { fields, labels: {}, self: fields };
  });
  return formatRows(o.format ?? 'table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}', rows, { headers: { Repository: 'REPOSITORY', Tag: 'TAG', ID: 'IMAGE ID', CreatedSince: 'CREATED', Size: 'SIZE' }, typeName: '*formatter.ImageContext' });
}
