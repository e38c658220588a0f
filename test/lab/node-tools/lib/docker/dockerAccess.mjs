// Who may drive the simulated Docker engine, as with the real socket
// (root:docker 0660): root, or a member of group "docker". Operations that need
// root here (starting servers as their own users, exec as root "in the
// container") re-run the same tool through a NOPASSWD sudo rule limited to the
// docker and docker-compose scripts; lab-node-init installs that rule.
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { toolsBinDir, labRoot, repoRoot } from '../labPaths.mjs';

// One file per lab root, so a test lab under LAB_ROOT tearing down never
// removes the rule the repository's lab still needs (the rules are identical).
export const SUDOERS_FILE = labRoot === path.join(repoRoot, '.lab')
  ? '/etc/sudoers.d/cdlab-docker'
  : `/etc/sudoers.d/cdlab-docker-${createHash('sha256').update(labRoot).digest('hex').slice(0, 8)}`;

function dockerGid() {
  const line = fs.readFileSync('/etc/group', 'utf8').split('\n').find((l) => l.startsWith('docker:'));
  return line ? Number(line.split(':')[2]) : null;
}

export function isRoot() {
  return process.getuid() === 0;
}

export function mayUseDocker() {
  if (isRoot()) return true;
  const gid = dockerGid();
  return gid !== null && (process.getgid() === gid || process.getgroups().includes(gid));
}

export function sudoersText() {
  const commands = `${path.join(toolsBinDir, 'docker')}, ${path.join(toolsBinDir, 'docker-compose')}`;
  // No Cmnd_Alias: several lab roots may each install this file, and sudo
  // refuses (for everyone) an alias defined twice. Repeated rules are harmless.
  return [
    '# ClusterDeck lab (test/lab/node-tools): members of group docker drive the',
    '# simulated Docker engine as root, as they would through /var/run/docker.sock.',
    `# lab root: ${labRoot}`,
    `Defaults!${commands} env_keep += "LAB_ROOT LAB_CACHE_DIR LAB_DB_SIZE_MB"`,
    `%docker ALL=(root) NOPASSWD: ${commands}`,
    '',
  ].join('\n');
}

/** Re-runs this tool as root through sudo -n and returns its exit code; signals are passed on. */
export function rerunAsRoot(tool, argv) {
  return new Promise((resolve) => {
    const child = spawn('sudo', ['-n', '--', path.join(toolsBinDir, tool), ...argv], { stdio: 'inherit' });
    const forward = (signal) => child.kill(signal);
    for (const signal of ['SIGTERM', 'SIGHUP', 'SIGINT']) process.on(signal, forward);
    child.on('exit', (code, signal) => resolve(code ?? (signal === 'SIGTERM' || signal === 'SIGHUP' ? 0 : 1)));
    child.on('error', () => resolve(1));
  });
}

export function daemonPermissionMessage(endpoint = 'containers/json') {
  return `permission denied while trying to connect to the Docker daemon socket at unix:///var/run/docker.sock: Get "http://%2Fvar%2Frun%2Fdocker.sock/v1.24/${endpoint}": dial unix /var/run/docker.sock: connect: permission denied`;
}
