/**
 * Preflight: one node measured against the operators' guide's hardware and
 * host-package tables in one remote exec; each check pass / warn / fail with
 * what was measured and what the guide asks.
 */
import { z } from 'zod';
import { Id, Role } from './profiles';

export const CheckStatus = z.enum(['pass', 'warn', 'fail']);
export type CheckStatus = z.infer<typeof CheckStatus>;

export const PreflightCheck = z.object({
  /** cores, memory, disk, free-space:/path, gpu, docker, docker-compose, python, pyenv, cuda, nvidia-runtime. */
  id: z.string(),
  label: z.string(),
  status: CheckStatus,
  measured: z.string().nullable(),
  required: z.string().nullable(),
  message: z.string(),
});
export type PreflightCheck = z.infer<typeof PreflightCheck>;

export const PreflightResult = z.object({
  clusterId: z.string(),
  nodeId: z.string(),
  nodeName: z.string(),
  roles: z.array(Role),
  overall: CheckStatus,
  checks: z.array(PreflightCheck),
  checkedAt: z.string(),
  durationMs: z.number(),
});
export type PreflightResult = z.infer<typeof PreflightResult>;

export const preflightMethods = {
  runPreflight: { input: z.object({ nodeId: Id }).strict(), output: PreflightResult },
} as const;
