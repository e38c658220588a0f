/** One line of a node's preflight: what was measured, what the guide asks, and a sentence saying what it means. */

export type CheckStatus = 'pass' | 'warn' | 'fail';

export interface PreflightCheck {
  /** cores, memory, disk, free-space:/path, gpu, docker, docker-compose, python, pyenv, cuda, nvidia-runtime. */
  id: string;
  label: string;
  status: CheckStatus;
  measured: string | null;
  required: string | null;
  message: string;
}

export const GIB = 1024 ** 3;

export function gib(bytes: number): string {
  const value = bytes / GIB;
  return `${value >= 100 ? Math.round(value) : Math.round(value * 10) / 10} GiB`;
}

export function roleList(roles: readonly string[]): string {
  if (roles.length <= 1) return roles[0] ?? '';
  return `${roles.slice(0, -1).join(', ')} and ${roles[roles.length - 1]}`;
}
