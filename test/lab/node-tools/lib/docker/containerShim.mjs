// One per running container, like containerd-shim: starts the container's real
// server (prepared data folder, the server's own user), copies its stdout and
// stderr into the json-file log `docker logs` reads, marks it ready/healthy
// when the server says so, and records the exit code when it ends.
import fs from 'node:fs';
import { spawn } from 'node:child_process';
import os from 'node:os';
import { nodePaths } from '../labPaths.mjs';
import { loadContainer, logFile, writeContainerState } from './containerStore.mjs';
import { serverKind, prepareDataDir, hasPostgresCluster, copyCluster } from './serverKinds.mjs';
import { processStartTime } from '../processes.mjs';

const [name] = process.argv.slice(2);
const paths = nodePaths();
const container = loadContainer(paths, name);
if (!container) process.exit(1);
const { config } = container;
process.title = `/usr/bin/containerd-shim-runc-v2 -namespace moby -id ${config.Id} -address /run/containerd/containerd.sock`;
try {
  fs.writeFileSync('/proc/self/comm', 'containerd-shim');
} catch {
  // Cosmetic only.
}

const logFd = fs.openSync(logFile(container), 'a', 0o640);
let sub = 0;
function logLine(stream, line) {
  sub = (sub + 1) % 1000;
  const time = `${new Date().toISOString().slice(0, 23)}${String(sub).padStart(3, '0')}${String(Math.floor(Math.random() * 1000)).padStart(3, '0')}Z`;
  fs.writeSync(logFd, `${JSON.stringify({ log: `${line}\n`, stream, time })}\n`);
}

const kind = serverKind(config.kind);
let state = { Status: 'running', Running: true, Pid: 0, ShimPid: process.pid, ShimStart: processStartTime(process.pid), StartedAt: new Date().toISOString(), ExitCode: 0, Ready: false, Health: config.healthcheck ? 'starting' : undefined };
writeContainerState(container.dir, state);

function finish(exitCode) {
  state = { ...state, Status: 'exited', Running: false, Pid: 0, ExitCode: exitCode, FinishedAt: new Date().toISOString(), Health: undefined, Ready: false };
  writeContainerState(container.dir, state);
  process.exit(0);
}

async function prepare() {
  const dir = prepareDataDir(config);
  if (config.kind === 'postgres') {
    if (hasPostgresCluster(dir)) {
      logLine('stdout', '');
      logLine('stdout', 'PostgreSQL Database directory appears to contain a database; Skipping initialization');
      logLine('stdout', '');
    } else {
      const { ensurePostgresTemplate } = await import('../halfstack/postgresTemplate.mjs');
      logLine('stdout', 'The files belonging to this database system will be owned by user "postgres".');
      copyCluster(await ensurePostgresTemplate(), dir);
      logLine('stdout', 'PostgreSQL init process complete; ready for start up.');
    }
  }
}

function pipeLines(stream, label, onLine) {
  let rest = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk) => {
    const parts = (rest + chunk).split('\n');
    rest = parts.pop();
    for (const line of parts) onLine(label, line);
  });
  stream.on('end', () => rest && onLine(label, rest));
}

try {
  await prepare();
} catch (err) {
  logLine('stderr', `Error: ${err.message}`);
  finish(1);
}

const launch = kind.launch(config);
const child = spawn(launch.argv[0], launch.argv.slice(1), {
  cwd: '/',
  uid: launch.uid,
  gid: launch.gid,
  stdio: ['ignore', 'pipe', 'pipe'],
  env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', LANG: 'C.UTF-8', HOME: launch.uid ? '/var/lib/postgresql' : '/root', HOSTNAME: config.Id.slice(0, 12), CDLAB_NODE: paths.root },
});
state = { ...state, Pid: child.pid };
writeContainerState(container.dir, state);

const onLine = (stream, line) => {
  logLine(stream, line);
  if (!state.Ready && kind.ready.test(line)) {
    state = { ...state, Ready: true, Health: config.healthcheck ? 'healthy' : undefined };
    writeContainerState(container.dir, state);
  }
};
pipeLines(child.stdout, 'stdout', onLine);
pipeLines(child.stderr, 'stderr', onLine);

child.on('error', (err) => {
  logLine('stderr', `exec ${launch.argv[0]}: ${err.message}`);
  finish(127);
});
child.on('exit', (code, signal) => {
  // Let the pipes drain the last lines the server wrote before it ended.
  setTimeout(() => finish(code ?? 128 + (os.constants.signals[signal] ?? 9)), 50);
});

for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP']) {
  process.on(signal, () => child.kill(config.stopSignal ?? kind.stopSignal));
}
