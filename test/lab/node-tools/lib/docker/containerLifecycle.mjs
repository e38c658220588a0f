// start / stop / remove of simulated containers. Start launches a detached shim
// and waits until the server is ready (so `up -d` returns with PostgreSQL
// accepting connections, as the healthchecked halfstack does); stop sends the
// image's stop signal (SIGINT for postgres: fast shutdown) and SIGKILLs the
// shim's process group after the timeout, like `docker stop -t`.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { labRoot, cacheDir } from '../labPaths.mjs';
import { readContainerState, writeContainerState, removeContainerRecord } from './containerStore.mjs';
import { serverKind } from './serverKinds.mjs';
import { isProcessAlive, signalProcess, signalGroup, sleep } from '../processes.mjs';

const SHIM = path.join(path.dirname(fileURLToPath(import.meta.url)), 'containerShim.mjs');
// A first start may build the PostgreSQL template (a 1 GB benchmark database takes minutes).
const READY_TIMEOUT_MS = 15 * 60_000;

export async function startContainer(container) {
  if (readContainerState(container.dir).Status === 'running') return readContainerState(container.dir);
  writeContainerState(container.dir, { Status: 'starting', Running: false, ExitCode: 0 });
  // The extra argument only makes room in argv for the shim's longer process title.
  const shim = spawn(process.execPath, [SHIM, container.config.Name, container.config.Id, '.'.repeat(96)], {
    detached: true,
    cwd: '/',
    stdio: 'ignore',
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LAB_ROOT: labRoot, CDLAB_NODE: path.resolve(container.dir, '../../..'), LAB_CACHE_DIR: cacheDir, LANG: 'C.UTF-8', ...(process.env.LAB_DB_SIZE_MB ? { LAB_DB_SIZE_MB: process.env.LAB_DB_SIZE_MB } : {}) },
  });
  shim.unref();
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    await sleep(50);
    const state = readContainerState(container.dir);
    if (state.Status === 'exited') return state;
    if (state.Status === 'running' && state.Ready) return state;
    if (state.Status === 'starting' && !isProcessAlive(shim.pid)) {
      writeContainerState(container.dir, { Status: 'exited', Running: false, ExitCode: 1, FinishedAt: new Date().toISOString() });
      return readContainerState(container.dir);
    }
  }
  return readContainerState(container.dir);
}

export async function stopContainer(container, timeoutSec = 10) {
  let state = readContainerState(container.dir);
  if (state.Status !== 'running') return state;
  const signal = container.config.stopSignal ?? serverKind(container.config.kind).stopSignal;
  if (state.Pid) signalProcess(state.Pid, signal);
  else signalProcess(state.ShimPid, 'SIGTERM');
  const deadline = Date.now() + timeoutSec * 1000;
  while (Date.now() < deadline) {
    state = readContainerState(container.dir);
    if (state.Status !== 'running') return state;
    await sleep(50);
  }
  signalGroup(state.ShimPid, 'SIGKILL');
  for (let i = 0; i < 40 && isProcessAlive(state.ShimPid, state.ShimStart); i += 1) await sleep(50);
  writeContainerState(container.dir, { ...state, Status: 'exited', Running: false, Pid: 0, ExitCode: 137, FinishedAt: new Date().toISOString() });
  return readContainerState(container.dir);
}

export async function removeContainer(paths, container, timeoutSec = 10) {
  await stopContainer(container, timeoutSec);
  removeContainerRecord(paths, container.config.Name);
}
