// The containers of one compose project + file, and the up/down/restart/stop/
// start operations on them. Containers are found by their compose labels
// (project, service), as docker-compose does; a container_name already taken
// by another project is a conflict, as with the real engine.
import { listContainers, createContainerRecord, findContainer } from '../docker/containerStore.mjs';
import { kindOfImage, serverKind } from '../docker/serverKinds.mjs';
import { startContainer, stopContainer, removeContainer } from '../docker/containerLifecycle.mjs';
import { networkCreate, networkRemoveIfUnused } from '../docker/networks.mjs';

export class ComposeError extends Error {}

export function containerNameOf(project, service, flavor) {
  return service.containerName ?? (flavor === 'v1' ? `${project}_${service.name}_1` : `${project}-${service.name}-1`);
}

export function projectContainers(paths, project, services) {
  const names = new Set(services.map((s) => s.name));
  return listContainers(paths).filter((c) => c.config.labels['com.docker.compose.project'] === project && names.has(c.config.labels['com.docker.compose.service']));
}

function specOf(paths, project, service, flavor, workingDir) {
  const kind = kindOfImage(service.image);
  if (!kind) throw new ComposeError(`the lab cannot run image "${service.image}" of service ${service.name}: only postgres, redis, etcd and wsproxy images are simulated`);
  const k = serverKind(kind);
  return {
    Name: containerNameOf(project, service, flavor),
    Image: service.image,
    kind,
    entrypoint: k.entrypoint,
    cmd: service.command ?? k.defaultCmd,
    env: [...service.environment, ...k.imageEnv.filter((e) => !service.environment.some((s) => s.split('=')[0] === e.split('=')[0]))],
    workdir: k.workdir,
    ports: service.ports,
    mounts: service.volumes.map((v) => ({ source: v.named ? `${paths.docker}/volumes/${project}_${v.source}/_data` : v.source, target: v.target, mode: v.mode })),
    healthcheck: service.healthcheck,
    stopSignal: service.stopSignal,
    stateDir: `${paths.docker}/volumes/${project}_${service.name}`,
    labels: {
      'com.docker.compose.project': project,
      'com.docker.compose.service': service.name,
      'com.docker.compose.oneoff': 'False',
      'com.docker.compose.container-number': '1',
      'com.docker.compose.project.config_files': service.file,
      'com.docker.compose.project.working_dir': workingDir,
      'com.docker.compose.version': flavor === 'v1' ? '1.29.2' : '2.24.6',
    },
    networks: [`${project}_default`],
  };
}

/** up -d: create what is missing, start what is stopped; reports [name, action, ok]. */
export async function upServices(paths, project, services, { flavor, workingDir, report }) {
  const network = networkCreate(paths, `${project}_default`);
  if (network.created) report.network(`${project}_default`);
  let ok = true;
  for (const service of services) {
    const name = containerNameOf(project, service, flavor);
    let container = findContainer(paths, name);
    if (container && container.config.Name === name && container.config.labels['com.docker.compose.project'] !== project) {
      throw new ComposeError(`Conflict. The container name "/${name}" is already in use by container "${container.config.Id}". You have to remove (or rename) that container to be able to reuse that name.`);
    }
    if (container && container.config.Name !== name) container = null;
    if (container && container.state.Status === 'running') {
      report.upToDate(name);
      continue;
    }
    const action = container ? 'Starting' : 'Creating';
    if (!container) container = createContainerRecord(paths, specOf(paths, project, service, flavor, workingDir));
    report.begin(action, name);
    const state = await startContainer(container);
    const started = state.Status === 'running';
    report.end(action, name, started);
    if (!started) ok = false;
  }
  return ok;
}

export async function downServices(paths, project, services, { timeout, report }) {
  const containers = projectContainers(paths, project, services);
  for (const c of containers.filter((x) => x.state.Status === 'running')) {
    report.begin('Stopping', c.config.Name);
    await stopContainer(c, timeout);
    report.end('Stopping', c.config.Name, true);
  }
  for (const c of containers) {
    report.begin('Removing', c.config.Name);
    await removeContainer(paths, c, timeout);
    report.end('Removing', c.config.Name, true);
  }
  const leftInProject = listContainers(paths).some((c) => c.config.labels['com.docker.compose.project'] === project);
  if (!leftInProject && networkRemoveIfUnused(paths, `${project}_default`)) report.networkRemoved(`${project}_default`);
  return true;
}

export async function restartServices(paths, project, services, { timeout, report }) {
  for (const c of projectContainers(paths, project, services)) {
    report.begin('Restarting', c.config.Name);
    await stopContainer(c, timeout);
    const state = await startContainer(c);
    report.end('Restarting', c.config.Name, state.Status === 'running');
  }
  return true;
}

export async function stopServices(paths, project, services, { timeout, report }) {
  for (const c of projectContainers(paths, project, services).filter((x) => x.state.Status === 'running')) {
    report.begin('Stopping', c.config.Name);
    await stopContainer(c, timeout);
    report.end('Stopping', c.config.Name, true);
  }
  return true;
}

export async function startServices(paths, project, services, { report }) {
  const containers = projectContainers(paths, project, services);
  if (containers.length === 0) throw new ComposeError('No containers to start');
  for (const c of containers.filter((x) => x.state.Status !== 'running')) {
    report.begin('Starting', c.config.Name);
    const state = await startContainer(c);
    report.end('Starting', c.config.Name, state.Status === 'running');
  }
  return true;
}
