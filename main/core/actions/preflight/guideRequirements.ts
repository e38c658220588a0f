/**
 * The operators' guide's tables (reference/backendai-installation-and-
 * management.rst, "Installation"): hardware per service ("for optimal
 * performance, just double the amount of each resources") and the host
 * packages each service needs. The storage proxy is not in the guide; it is
 * held to the manager's Python requirement and adds no hardware figure.
 */
import type { Role } from '../../../../common/contract/schemas/profiles';

export interface HardwareNeed {
  cores: number;
  memoryGiB: number;
  /** "> 512 GiB SSD" for agents. */
  diskGiB?: number;
  /** "NVIDIA GPU (for GPU workload)". */
  gpu?: boolean;
}

export const GUIDE_HARDWARE: Record<Role, HardwareNeed | null> = {
  manager: { cores: 2, memoryGiB: 4 },
  agent: { cores: 4, memoryGiB: 32, diskGiB: 512, gpu: true },
  webserver: { cores: 2, memoryGiB: 4 },
  'storage-proxy': null,
  wsproxy: { cores: 2, memoryGiB: 4 },
  postgres: { cores: 2, memoryGiB: 4 },
  redis: { cores: 1, memoryGiB: 2 },
  etcd: { cores: 1, memoryGiB: 2 },
};

export type HostPackage = 'python' | 'pyenv' | 'docker' | 'docker-compose' | 'cuda' | 'nvidia-runtime';

export const GUIDE_PACKAGES: Record<Role, HostPackage[]> = {
  manager: ['python', 'pyenv'],
  agent: ['docker', 'cuda', 'nvidia-runtime', 'python', 'pyenv'],
  webserver: ['python', 'pyenv'],
  'storage-proxy': ['python'],
  wsproxy: ['docker', 'docker-compose'],
  postgres: ['docker', 'docker-compose'],
  redis: ['docker', 'docker-compose'],
  etcd: ['docker', 'docker-compose'],
};

export const MINIMUM_VERSION: Record<'python' | 'pyenv' | 'docker' | 'docker-compose' | 'cuda', string> = {
  python: '3.8',
  pyenv: '1.2',
  docker: '19.03',
  'docker-compose': '1.24',
  cuda: '8',
};

/** "CUDA/CUDA Toolkit (≥8, 11 recommend)". */
export const RECOMMENDED_CUDA = '11';

/** The guide: "for optimal performance, just double the amount of each resources". */
export const OPTIMAL_FACTOR = 2;
