/**
 * Host packages against the guide: docker >= 19.03, docker-compose >= 1.24
 * (compose v2 counts), Python >= 3.8, pyenv >= 1.2, CUDA >= 8 (11
 * recommended) and the NVIDIA container runtime on agents. A missing
 * package fails, except where the guide makes it conditional (pyenv, and
 * CUDA and the runtime on an agent without a GPU), which warns.
 */
import type { Role } from '../../../../common/contract/schemas/profiles';
import { GUIDE_PACKAGES, MINIMUM_VERSION, RECOMMENDED_CUDA, type HostPackage } from './guideRequirements';
import type { HostFacts } from './hostFacts';
import { roleList, type PreflightCheck } from './preflightCheck';
import { isAtLeast } from './versionNumbers';

function versionCheck(id: HostPackage, label: string, version: string | null, minimum: string, forRoles: string, absent: string): PreflightCheck {
  const required = `>= ${minimum}`;
  if (version === null) return { id, label, status: 'fail', measured: null, required, message: `${absent} The guide needs ${label} ${required} for ${forRoles}.` };
  const ok = isAtLeast(version, minimum);
  return {
    id,
    label,
    status: ok ? 'pass' : 'fail',
    measured: version,
    required,
    message: ok ? `${label} ${version}.` : `${label} ${version} is older than the ${minimum} the guide needs for ${forRoles}; upgrade it.`,
  };
}

function dockerCheck(facts: HostFacts, forRoles: string): PreflightCheck {
  if (facts.dockerProblem === 'missing') return versionCheck('docker', 'Docker', null, MINIMUM_VERSION.docker, forRoles, 'Docker is not installed (no docker command).');
  const version = facts.dockerServer ?? facts.dockerClient;
  const check = versionCheck('docker', 'Docker', version, MINIMUM_VERSION.docker, forRoles, 'Could not read the Docker version.');
  if (facts.dockerServer === null && facts.dockerProblem && check.status === 'pass') {
    const why = facts.dockerProblem === 'permission' ? 'the SSH user may not use the Docker socket' : 'the Docker daemon is not running';
    return { ...check, status: 'warn', message: `Docker client ${version}, but the daemon could not be asked (${why}).` };
  }
  return check;
}

function composeCheck(facts: HostFacts, forRoles: string): PreflightCheck {
  const version = facts.composeV1 ?? facts.composeV2;
  const check = versionCheck('docker-compose', 'docker-compose', version, MINIMUM_VERSION['docker-compose'], forRoles, 'Neither docker-compose nor the docker compose plugin is installed.');
  if (check.status === 'pass' && facts.composeV1 === null) return { ...check, message: `docker compose (v2 plugin) ${version}; ClusterDeck uses \`docker compose\` on this node.` };
  return check;
}

function cudaCheck(facts: HostFacts, forRoles: string): PreflightCheck {
  const base = { id: 'cuda', label: 'CUDA toolkit', required: `>= ${MINIMUM_VERSION.cuda} (${RECOMMENDED_CUDA} recommended)` };
  const hasGpu = (facts.gpus?.length ?? 0) > 0;
  const v = facts.cudaToolkit;
  if (v === null) {
    if (facts.driverCuda) return { ...base, status: 'warn', measured: null, message: `No CUDA toolkit on the host (nvcc, /usr/local/cuda); the driver supports CUDA ${facts.driverCuda}. The guide lists the toolkit for ${forRoles}.` };
    return { ...base, status: hasGpu ? 'fail' : 'warn', measured: null, message: hasGpu ? 'No CUDA toolkit found (nvcc, /usr/local/cuda) although the node has GPUs.' : 'No CUDA toolkit: needed only for GPU workloads.' };
  }
  if (!isAtLeast(v, MINIMUM_VERSION.cuda)) return { ...base, status: 'fail', measured: v, message: `CUDA ${v} is older than the guide's minimum ${MINIMUM_VERSION.cuda}.` };
  if (!isAtLeast(v, RECOMMENDED_CUDA)) return { ...base, status: 'warn', measured: v, message: `CUDA ${v} meets the minimum ${MINIMUM_VERSION.cuda}; the guide recommends ${RECOMMENDED_CUDA}.` };
  return { ...base, status: 'pass', measured: v, message: `CUDA ${v}.` };
}

function runtimeCheck(facts: HostFacts): PreflightCheck {
  const base = { id: 'nvidia-runtime', label: 'NVIDIA container runtime', required: 'nvidia (nvidia-docker v2)' };
  const hasGpu = (facts.gpus?.length ?? 0) > 0;
  if (facts.runtimes === null) return { ...base, status: 'warn', measured: null, message: 'Could not read docker\'s runtimes (`docker info` did not answer).' };
  const listed = facts.runtimes.join(', ');
  if (facts.runtimes.includes('nvidia')) return { ...base, status: 'pass', measured: listed, message: 'Docker has the nvidia runtime.' };
  return {
    ...base,
    status: hasGpu ? 'fail' : 'warn',
    measured: listed,
    message: hasGpu ? 'Docker has no nvidia runtime: GPU sessions cannot start. Install nvidia-container-toolkit and restart docker.' : 'Docker has no nvidia runtime: needed only for GPU workloads.',
  };
}

export function packageChecks(facts: HostFacts, roles: readonly Role[]): PreflightCheck[] {
  const needing = (p: HostPackage) => roleList(roles.filter((r) => GUIDE_PACKAGES[r].includes(p)));
  const needed = new Set(roles.flatMap((r) => GUIDE_PACKAGES[r]));
  const checks: PreflightCheck[] = [];
  if (needed.has('docker')) checks.push(dockerCheck(facts, needing('docker')));
  if (needed.has('docker-compose')) checks.push(composeCheck(facts, needing('docker-compose')));
  if (needed.has('python')) checks.push(versionCheck('python', 'Python', facts.python, MINIMUM_VERSION.python, needing('python'), 'python3 is not installed.'));
  if (needed.has('pyenv')) {
    const check = versionCheck('pyenv', 'pyenv', facts.pyenv, MINIMUM_VERSION.pyenv, needing('pyenv'), 'pyenv was not found (PATH or ~/.pyenv).');
    checks.push(facts.pyenv === null ? { ...check, status: 'warn', message: `${check.message} Only installs that build their Python with pyenv need it.` } : check);
  }
  if (needed.has('cuda')) checks.push(cudaCheck(facts, needing('cuda')));
  if (needed.has('nvidia-runtime')) checks.push(runtimeCheck(facts));
  return checks;
}
