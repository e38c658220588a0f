// `docker exec [-i] [-t] [-d] [-e K=V]... [-u USER] [-w DIR] CONTAINER CMD...`:
// runs CMD on the node against the container's real server, with the
// environment of the image (PATH with the PostgreSQL binaries, PGHOST/PGPORT,
// ETCDCTL_ENDPOINTS...) and, as root, in its own UTS namespace whose hostname
// is the container id (the shell prompt reads root@<id>). stdin/stdout/stderr
// are the caller's own descriptors, so a dump streams byte for byte, and the
// exit code is the command's.
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import os from 'node:os';
import { findContainer } from './containerStore.mjs';
import { serverKind } from './serverKinds.mjs';
import { isRoot } from './dockerAccess.mjs';

function fail(message, code) {
  process.stderr.write(`${message}\n`);
  return code;
}

function passwdEntry(user) {
  const lines = fs.readFileSync('/etc/passwd', 'utf8').split('\n');
  const [name, group] = user.split(':');
  const entry = lines.map((l) => l.split(':')).find((f) => f[0] === name || f[2] === name);
  if (!entry && !/^\d+$/.test(name)) return null;
  const uid = entry ? Number(entry[2]) : Number(name);
  const gid = group !== undefined ? Number(group) : entry ? Number(entry[3]) : uid;
  return { uid, gid, home: entry ? entry[5] : '/' };
}

/** A path inside the container, mapped through its bind mounts to the node's file system. */
function hostPath(config, containerPath) {
  for (const m of config.mounts) {
    if (containerPath === m.target || containerPath.startsWith(`${m.target}/`)) return path.join(m.source, containerPath.slice(m.target.length));
  }
  return containerPath;
}

function findOnPath(command, envPath) {
  if (command.includes('/')) return fs.existsSync(command) ? command : null;
  for (const dir of envPath.split(':')) {
    const candidate = path.join(dir, command);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // Not in this PATH entry.
    }
  }
  return null;
}

export async function dockerExec(paths, o, operands) {
  const [ref, ...command] = operands;
  if (!ref || command.length === 0) return fail('"docker exec" requires at least 2 arguments.\nSee \'docker exec --help\'.\n\nUsage:  docker exec [OPTIONS] CONTAINER COMMAND [ARG...]\n\nExecute a command in a running container', 1);
  const container = findContainer(paths, ref);
  if (!container) return fail(`Error response from daemon: No such container: ${ref}`, 1);
  const { config, state } = container;
  if (state.Status !== 'running') return fail(`Error response from daemon: container ${config.Id} is not running`, 1);
  if (o.interactive && o.tty && !process.stdin.isTTY) return fail('the input device is not a TTY', 1);

  const kind = serverKind(config.kind);
  const user = o.user ? passwdEntry(o.user) : { uid: 0, gid: 0, home: '/root' };
  if (!user) return fail(`OCI runtime exec failed: exec failed: unable to start container process: unable to find user ${o.user}: no matching entries in passwd file: unknown`, 126);
  const env = {};
  for (const e of [...config.env, ...kind.execEnv(config), `HOSTNAME=${config.Id.slice(0, 12)}`, `HOME=${user.home}`, `CDLAB_NODE=${paths.root}`]) {
    const eq = e.indexOf('=');
    env[e.slice(0, eq)] = e.slice(eq + 1);
  }
  if (o.tty) env.TERM = process.env.TERM ?? 'xterm';
  for (const e of o.env ?? []) {
    const eq = e.indexOf('=');
    if (eq === -1) {
      if (process.env[e] !== undefined) env[e] = process.env[e];
    } else env[e.slice(0, eq)] = e.slice(eq + 1);
  }
  let cwd = hostPath(config, o.workdir ?? kind.workdir);
  if (!fs.existsSync(cwd)) {
    if (o.workdir) return fail(`OCI runtime exec failed: exec failed: unable to start container process: chdir to cwd ("${o.workdir}") set in config.json failed: no such file or directory: unknown`, 126);
    cwd = '/';
  }
  const resolved = findOnPath(command[0], env.PATH ?? '/usr/bin:/bin');
  if (!resolved) return fail(`OCI runtime exec failed: exec failed: unable to start container process: exec: "${command[0]}": executable file not found in $PATH: unknown`, 127);

  const asRootInOwnUts = isRoot() && user.uid === 0;
  const [file, args] = asRootInOwnUts
    ? ['unshare', ['--uts', '--', '/bin/sh', '-c', 'hostname "$0" 2>/dev/null; exec "$@"', config.Id.slice(0, 12), resolved, ...command.slice(1)]]
    : [resolved, command.slice(1)];
  const child = spawn(file, args, {
    cwd,
    env,
    stdio: [o.interactive ? 'inherit' : 'ignore', 'inherit', 'inherit'],
    detached: Boolean(o.detach),
    ...(isRoot() && user.uid !== 0 ? { uid: user.uid, gid: user.gid } : {}),
  });
  if (o.detach) {
    child.unref();
    return 0;
  }
  for (const signal of ['SIGTERM', 'SIGHUP', 'SIGINT']) process.on(signal, () => child.kill(signal));
  return new Promise((resolve) => {
    child.on('error', (err) => resolve(fail(`OCI runtime exec failed: exec failed: unable to start container process: ${err.message}: unknown`, 126)));
    child.on('exit', (code, signal) => resolve(code ?? 128 + (os.constants.signals[signal] ?? 9)));
  });
}
