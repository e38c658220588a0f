/**
 * The preflight of one node as ONE exec: cores, memory, disks of the given
 * folders, NVIDIA GPUs and driver CUDA, docker / compose / Python / pyenv /
 * CUDA toolkit versions and docker's runtimes. A missing tool is an answer
 * (exit 127), not an error. hostFacts.ts reads the output.
 */
import { remoteCommand, type RemoteCommand } from '../../catalog/remoteCommand';
import { buildSectionedScript, shArgv, type ScriptSection } from '../../catalog/sectionedScript';
import { EXPAND_HOME } from '../../catalog/shellFunctions';

// Constants only: the folders arrive as quoted arguments.
export const PREFLIGHT_FUNCTIONS = [
  'cd_nproc() { nproc 2>/dev/null || getconf _NPROCESSORS_ONLN; }',
  // -B1 for bytes; busybox df has no -B, so fall back to 1024-blocks (the header says which).
  `cd_df() { for cd_p in "$@"; do ${EXPAND_HOME}; echo "@path"; if [ -e "$cd_p" ]; then df -B1 -P -- "$cd_p" 2>/dev/null || df -P -k -- "$cd_p"; else echo "@absent"; fi; done; }`,
  "cd_driver_cuda() { command -v nvidia-smi >/dev/null 2>&1 || return 127; nvidia-smi | sed -n 's/.*CUDA Version: *\\([0-9][0-9.]*\\).*/\\1/p'; }",
  // The lab's docker and very old clients lack --format here: fall back to the full text, which the parser also reads.
  "cd_docker_server() { docker version --format '{{.Server.Version}}' 2>/dev/null || docker version; }",
  "cd_runtimes() { docker info --format '{{json .Runtimes}}' 2>/dev/null || docker info; }",
  'cd_pyenv() { if command -v pyenv >/dev/null 2>&1; then pyenv --version; elif [ -x "$HOME/.pyenv/bin/pyenv" ]; then "$HOME/.pyenv/bin/pyenv" --version; else return 127; fi; }',
  // nvcc is often only in /usr/local/cuda/bin; version.json (CUDA 11.1+) and version.txt (older) name the toolkit too.
  'cd_cuda() { if command -v nvcc >/dev/null 2>&1; then nvcc --version; elif [ -x /usr/local/cuda/bin/nvcc ]; then /usr/local/cuda/bin/nvcc --version; elif [ -r /usr/local/cuda/version.json ]; then cat /usr/local/cuda/version.json; elif [ -r /usr/local/cuda/version.txt ]; then cat /usr/local/cuda/version.txt; else return 127; fi; }',
];

export function preflightSections(dirs: readonly string[]): ScriptSection[] {
  return [
    { name: 'cores', argv: ['cd_nproc'] },
    { name: 'memory', argv: ['free', '-b'] },
    { name: 'disks', argv: ['cd_df', ...dirs] },
    { name: 'gpus', argv: ['nvidia-smi', '--query-gpu=name,memory.total,driver_version', '--format=csv,noheader,nounits'] },
    { name: 'driver-cuda', argv: ['cd_driver_cuda'] },
    { name: 'docker-server', argv: ['cd_docker_server'] },
    { name: 'docker-client', argv: ['docker', '--version'] },
    { name: 'compose-v1', argv: ['docker-compose', 'version', '--short'] },
    { name: 'compose-v2', argv: ['docker', 'compose', 'version', '--short'] },
    { name: 'python', argv: ['python3', '--version'] },
    { name: 'pyenv', argv: ['cd_pyenv'] },
    { name: 'cuda-toolkit', argv: ['cd_cuda'] },
    { name: 'runtimes', argv: ['cd_runtimes'] },
  ];
}

/** Folders whose disk matters: the root, the halfstack dir (database files), docker's data root (images). */
export function preflightDirs(halfstackDir: string): string[] {
  return [...new Set(['/', halfstackDir, '/var/lib/docker'])];
}

export function buildPreflight(options: { nonce: string; dirs: readonly string[] }): RemoteCommand {
  return remoteCommand(shArgv(buildSectionedScript(preflightSections(options.dirs), options.nonce, PREFLIGHT_FUNCTIONS)));
}
