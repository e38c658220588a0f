/**
 * `docker inspect --format '{{.Name}} {{.RestartCount}} {{json .State}}'`:
 * per container its exact start and finish time, restart count, health and
 * exit code (the STATUS text only says "Up 2 hours").
 */
import type { ContainerHealth } from '../../../common/contract/schemas/services';

export interface ContainerState {
  name: string;
  restartCount: number;
  status: string;
  startedAt: string | null;
  finishedAt: string | null;
  exitCode: number | null;
  pid: number | null;
  oomKilled: boolean;
  health: ContainerHealth | null;
}

/** Go's zero time means "never". */
function time(value: unknown): string | null {
  if (typeof value !== 'string' || value.startsWith('0001-01-01')) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

export function parseInspectStates(output: string): Map<string, ContainerState> {
  const states = new Map<string, ContainerState>();
  for (const line of output.replace(/\r\n/g, '\n').split('\n')) {
    const m = /^\/?(\S+) (\d+) (\{.*\})\s*$/.exec(line);
    if (!m || m[1] === undefined || m[2] === undefined || m[3] === undefined) continue;
    let s: Record<string, unknown>;
    try {
      s = JSON.parse(m[3]) as Record<string, unknown>;
    } catch {
      continue;
    }
    const healthObj = s.Health as Record<string, unknown> | undefined;
    const h = healthObj?.Status;
    states.set(m[1], {
      name: m[1],
      restartCount: Number(m[2]),
      status: typeof s.Status === 'string' ? s.Status : '',
      startedAt: time(s.StartedAt),
      finishedAt: time(s.FinishedAt),
      exitCode: typeof s.ExitCode === 'number' ? s.ExitCode : null,
      pid: typeof s.Pid === 'number' && s.Pid > 0 ? s.Pid : null,
      oomKilled: s.OOMKilled === true,
      health: h === 'healthy' || h === 'unhealthy' || h === 'starting' ? h : null,
    });
  }
  return states;
}
