// The simulated Docker engine's records: <node>/docker/containers/<name>/
// config.json (what `create` decided: id, image, command, env, labels, ports,
// mounts, server kind) and state.json (what the shim reports: running, pid,
// exit code, health). A container whose shim died reads as exited (137).
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { readJson, writeJson, removeQuietly } from '../stateFiles.mjs';
import { isProcessAlive } from '../processes.mjs';

export function containerDir(paths, name) {
  return path.join(paths.containers, name);
}

export function listContainers(paths) {
  let names = [];
  try {
    names = fs.readdirSync(paths.containers);
  } catch {
    return [];
  }
  return names
    .map((name) => loadContainer(paths, name))
    .filter(Boolean)
    .sort((a, b) => (a.config.Created < b.config.Created ? 1 : -1));
}

export function loadContainer(paths, name) {
  const dir = containerDir(paths, name);
  const config = readJson(path.join(dir, 'config.json'));
  if (!config) return null;
  return { config, state: effectiveState(readJson(path.join(dir, 'state.json'), { Status: 'created' })), dir };
}

function effectiveState(state) {
  if (state.Status === 'running' && !isProcessAlive(state.ShimPid, state.ShimStart)) {
    return { ...state, Status: 'exited', Running: false, ExitCode: 137, FinishedAt: state.FinishedAt ?? new Date().toISOString(), Health: undefined };
  }
  return state;
}

/** Finds a container by name (with or without the leading slash) or by a unique id prefix. */
export function findContainer(paths, ref) {
  const all = listContainers(paths);
  const name = ref.replace(/^\//, '');
  return all.find((c) => c.config.Name === name) ?? (ref.length >= 1 ? onlyOne(all.filter((c) => c.config.Id.startsWith(ref))) : null);
}

function onlyOne(list) {
  return list.length === 1 ? list[0] : null;
}

export function createContainerRecord(paths, spec) {
  const config = { ...spec, Id: randomBytes(32).toString('hex'), Created: new Date().toISOString() };
  writeJson(path.join(containerDir(paths, spec.Name), 'config.json'), config);
  writeJson(path.join(containerDir(paths, spec.Name), 'state.json'), { Status: 'created', Running: false, ExitCode: 0 });
  return loadContainer(paths, spec.Name);
}

export function writeContainerState(dir, state) {
  writeJson(path.join(dir, 'state.json'), state);
}

export function readContainerState(dir) {
  return effectiveState(readJson(path.join(dir, 'state.json'), { Status: 'created' }));
}

export function removeContainerRecord(paths, name) {
  removeQuietly(containerDir(paths, name));
}

export function logFile(container) {
  return path.join(container.dir, `${container.config.Id}-json.log`);
}

/** docker ps STATUS: "Up 2 hours (healthy)", "Exited (0) 3 minutes ago", "Created". */
export function humanStatus(container, now = Date.now()) {
  const s = container.state;
  if (s.Status === 'running') {
    const health = container.config.healthcheck ? (s.Health === 'healthy' ? ' (healthy)' : ' (health: starting)') : '';
    return `Up ${humanDuration(now - Date.parse(s.StartedAt))}${health}`;
  }
  if (s.Status === 'exited') return `Exited (${s.ExitCode ?? 0}) ${humanDuration(now - Date.parse(s.FinishedAt))} ago`;
  return s.Status === 'created' ? 'Created' : s.Status;
}

/** go-units HumanDuration, which docker uses for CREATED and STATUS. */
export function humanDuration(ms) {
  const seconds = Math.floor(ms / 1000);
  if (seconds < 1) return 'Less than a second';
  if (seconds === 1) return '1 second';
  if (seconds < 60) return `${seconds} seconds`;
  const minutes = Math.floor(seconds / 60);
  if (minutes === 1) return 'About a minute';
  if (minutes < 60) return `${minutes} minutes`;
  const hours = Math.floor(ms / 3_600_000 + 0.5);
  if (hours === 1) return 'About an hour';
  if (hours < 48) return `${hours} hours`;
  if (hours < 24 * 7 * 2) return `${Math.floor(hours / 24)} days`;
  if (hours < 24 * 30 * 2) return `${Math.floor(hours / 24 / 7)} weeks`;
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24 / 30)} months`;
  return `${Math.floor(ms / 3_600_000 / 24 / 365)} years`;
}

/** "127.0.0.1:5432->5432/tcp" as docker ps prints published ports. */
export function portsText(config) {
  return config.ports.map((p) => (p.hostPort ? `${p.hostIp}:${p.hostPort}->${p.containerPort}/${p.proto}` : `${p.containerPort}/${p.proto}`)).join(', ');
}

export function commandText(config) {
  return [config.entrypoint, ...(config.cmd ?? [])].filter(Boolean).join(' ');
}
