/**
 * A node's preflight output to the facts the judge compares with the guide.
 * null means "not there or not readable"; `problems` keeps the tools' own
 * words for the cases worth showing (nvidia-smi failing, docker refusing).
 */
import { classifyDockerError, type DockerProblem } from '../../catalog/dockerErrors';
import { COMMAND_NOT_FOUND, parseSections, type SectionOutput } from '../../catalog/sectionedScript';
import { parseCores, parseDisks, parseGpus, parseMemTotal, type DiskFact, type GpuFact } from './hardwareFacts';
import {
  parseComposeVersion,
  parseCudaToolkit,
  parseDockerClientVersion,
  parseDockerServerVersion,
  parsePyenvVersion,
  parsePythonVersion,
  parseRuntimes,
} from './softwareFacts';

export interface HostFacts {
  cores: number | null;
  memoryBytes: number | null;
  disks: DiskFact[];
  /** null: no nvidia-smi on the node. */
  gpus: GpuFact[] | null;
  /** nvidia-smi is there but failed (driver not loaded): its message. */
  gpuProblem: string | null;
  /** The newest CUDA the driver supports (nvidia-smi's header). */
  driverCuda: string | null;
  dockerServer: string | null;
  dockerClient: string | null;
  dockerProblem: DockerProblem | 'missing' | null;
  composeV1: string | null;
  composeV2: string | null;
  python: string | null;
  pyenv: string | null;
  cudaToolkit: string | null;
  /** null when docker could not be asked. */
  runtimes: string[] | null;
}

function answered(section: SectionOutput | undefined): string | null {
  return section && section.exitCode === 0 ? section.output : null;
}

function missing(section: SectionOutput | undefined): boolean {
  return section?.exitCode === COMMAND_NOT_FOUND;
}

export function parseHostFacts(stdout: string, dirs: readonly string[], nonce?: string): HostFacts {
  const s = parseSections(stdout, nonce);
  const gpus = s.get('gpus');
  const server = s.get('docker-server');
  const client = s.get('docker-client');
  const dockerMissing = missing(client);
  const serverVersion = server ? parseDockerServerVersion(server.output) : null;
  const runtimes = answered(s.get('runtimes'));
  return {
    cores: parseCores(answered(s.get('cores')) ?? ''),
    memoryBytes: parseMemTotal(answered(s.get('memory')) ?? ''),
    disks: parseDisks(s.get('disks')?.output ?? '', dirs),
    gpus: gpus === undefined || missing(gpus) ? null : gpus.exitCode === 0 ? parseGpus(gpus.output) : [],
    gpuProblem: gpus && !missing(gpus) && gpus.exitCode !== 0 ? gpus.output.trim().split('\n')[0] ?? 'nvidia-smi failed' : null,
    driverCuda: answered(s.get('driver-cuda'))?.trim() || null,
    dockerServer: serverVersion,
    dockerClient: client ? parseDockerClientVersion(client.output) : null,
    dockerProblem: dockerMissing ? 'missing' : serverVersion === null && server ? classifyDockerError(server.output) : null,
    composeV1: parseComposeVersion(answered(s.get('compose-v1')) ?? ''),
    composeV2: parseComposeVersion(answered(s.get('compose-v2')) ?? ''),
    python: parsePythonVersion(answered(s.get('python')) ?? ''),
    pyenv: parsePyenvVersion(answered(s.get('pyenv')) ?? ''),
    cudaToolkit: parseCudaToolkit(answered(s.get('cuda-toolkit')) ?? ''),
    runtimes: runtimes === null ? null : parseRuntimes(runtimes),
  };
}
