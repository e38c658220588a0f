/**
 * Cores, memory, disk and GPU against the guide's hardware table. Services
 * that share a node share its hardware, so the minimums of the node's roles
 * are added up. Below the minimum fails; from the minimum up to double it
 * (the guide's "optimal") warns; double or more passes.
 *
 * Memory and disk get 10% slack: MemTotal leaves out what the kernel and
 * firmware reserve (a 32 GiB machine reports about 31.3 GiB) and disks are
 * sold in GB, not GiB (a "512 GB" SSD is 477 GiB).
 */
import type { Role } from '../../../../common/contract/schemas/profiles';
import { GUIDE_HARDWARE, OPTIMAL_FACTOR } from './guideRequirements';
import type { HostFacts } from './hostFacts';
import { GIB, gib, roleList, type CheckStatus, type PreflightCheck } from './preflightCheck';

const SLACK = 0.9;
/** Not from the guide: below this much free space, databases and image pulls start failing. */
const FREE_SPACE_WARN_RATIO = 0.1;
const FREE_SPACE_WARN_BYTES = 5 * GIB;

function grade(measured: number, minimum: number, slack = 1): CheckStatus {
  if (measured < minimum * slack) return 'fail';
  return measured < minimum * OPTIMAL_FACTOR * slack ? 'warn' : 'pass';
}

function needWords(roles: readonly Role[], what: string): string {
  return roles.length > 1 ? `${what} for ${roleList(roles)} together (the guide's minimums added up)` : `${what} for the ${roles[0] ?? ''}`;
}

function gradeSentence(status: CheckStatus, measuredText: string, minimumText: string, optimalText: string, need: string): string {
  if (status === 'fail') return `Has ${measuredText}; the guide asks for ${need}.`;
  if (status === 'warn') return `Has ${measuredText}: meets the minimum ${need}, but the guide doubles it (${optimalText}) for optimal performance.`;
  return `Has ${measuredText}, at least double the minimum ${minimumText}.`;
}

export function hardwareChecks(facts: HostFacts, roles: readonly Role[]): PreflightCheck[] {
  const counted = roles.filter((r) => GUIDE_HARDWARE[r] !== null);
  const checks: PreflightCheck[] = [];
  if (counted.length > 0) {
    const cores = counted.reduce((n, r) => n + (GUIDE_HARDWARE[r]?.cores ?? 0), 0);
    const memoryGiB = counted.reduce((n, r) => n + (GUIDE_HARDWARE[r]?.memoryGiB ?? 0), 0);
    if (facts.cores === null) {
      checks.push({ id: 'cores', label: 'CPU cores', status: 'warn', measured: null, required: `${cores}`, message: 'Could not count the CPU cores (nproc and getconf gave no answer).' });
    } else {
      const status = grade(facts.cores, cores);
      checks.push({ id: 'cores', label: 'CPU cores', status, measured: `${facts.cores}`, required: `${cores}`, message: gradeSentence(status, `${facts.cores} cores`, `of ${cores}`, `${cores * OPTIMAL_FACTOR} cores`, needWords(counted, `${cores} cores`)) });
    }
    if (facts.memoryBytes === null) {
      checks.push({ id: 'memory', label: 'Memory', status: 'warn', measured: null, required: `${memoryGiB} GiB`, message: 'Could not read the memory size (free -b gave no Mem: line).' });
    } else {
      const status = grade(facts.memoryBytes, memoryGiB * GIB, SLACK);
      checks.push({ id: 'memory', label: 'Memory', status, measured: gib(facts.memoryBytes), required: `${memoryGiB} GiB`, message: gradeSentence(status, gib(facts.memoryBytes), `of ${memoryGiB} GiB`, `${memoryGiB * OPTIMAL_FACTOR} GiB`, needWords(counted, `${memoryGiB} GiB`)) });
    }
  }
  if (roles.includes('agent')) checks.push(agentDisk(facts), gpuCheck(facts));
  for (const disk of facts.disks) {
    if (!disk.present || disk.sizeBytes === null || disk.availableBytes === null) continue;
    const low = disk.availableBytes < disk.sizeBytes * FREE_SPACE_WARN_RATIO || disk.availableBytes < FREE_SPACE_WARN_BYTES;
    checks.push({
      id: `free-space:${disk.path}`,
      label: `Free space on ${disk.path}`,
      status: low ? 'warn' : 'pass',
      measured: `${gib(disk.availableBytes)} of ${gib(disk.sizeBytes)}`,
      required: null,
      message: low
        ? `Only ${gib(disk.availableBytes)} free on ${disk.mountedOn ?? disk.path}: databases and image pulls fail when it runs out.`
        : `${gib(disk.availableBytes)} free on ${disk.mountedOn ?? disk.path}.`,
    });
  }
  return checks;
}

function agentDisk(facts: HostFacts): PreflightCheck {
  const need = GUIDE_HARDWARE.agent?.diskGiB ?? 512;
  // Images and session scratch live under docker's data root; without it, the root file system.
  const disk = facts.disks.find((d) => d.path === '/var/lib/docker' && d.present) ?? facts.disks.find((d) => d.path === '/' && d.present);
  if (!disk || disk.sizeBytes === null) {
    return { id: 'disk', label: 'Agent disk', status: 'warn', measured: null, required: `> ${need} GiB SSD`, message: 'Could not read the disk size (df gave no answer).' };
  }
  const status = grade(disk.sizeBytes, need * GIB, SLACK);
  return {
    id: 'disk',
    label: 'Agent disk',
    status,
    measured: `${gib(disk.sizeBytes)} (${disk.mountedOn ?? disk.path})`,
    required: `> ${need} GiB SSD`,
    message: gradeSentence(status, `${gib(disk.sizeBytes)} on ${disk.mountedOn ?? disk.path}`, `of ${need} GiB`, `${need * OPTIMAL_FACTOR} GiB`, `${need} GiB (SSD) for an agent`),
  };
}

function gpuCheck(facts: HostFacts): PreflightCheck {
  const base = { id: 'gpu', label: 'NVIDIA GPU', required: 'NVIDIA GPU (for GPU workload)' };
  if (facts.gpuProblem) return { ...base, status: 'fail', measured: null, message: `nvidia-smi is installed but failed: ${facts.gpuProblem}` };
  if (facts.gpus === null) return { ...base, status: 'warn', measured: null, message: 'No NVIDIA driver (nvidia-smi not found): this agent can run CPU sessions only.' };
  if (facts.gpus.length === 0) return { ...base, status: 'warn', measured: '0 GPUs', message: 'nvidia-smi lists no GPU: this agent can run CPU sessions only.' };
  const names = [...new Set(facts.gpus.map((g) => g.name))].join(', ');
  const memory = facts.gpus[0]?.memoryMiB;
  return {
    ...base,
    status: 'pass',
    measured: `${facts.gpus.length} × ${names}`,
    message: `${facts.gpus.length} × ${names}${memory ? ` (${Math.round(memory / 1024)} GiB each)` : ''}, driver ${facts.gpus[0]?.driver ?? 'unknown'}.`,
  };
}
