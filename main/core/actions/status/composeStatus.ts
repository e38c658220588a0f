/**
 * A compose service's state from its containers (`docker ps -a`), their
 * inspected State, and whether its compose file exists. No container is
 * "stopped" when the file is there (the guide's stop is `down`, which
 * removes them) and "not installed" when it is not.
 */
import type { ComposeService, ContainerStatus, ServiceState, ServiceStatus } from '../../../../common/contract/schemas/services';
import { containersOfService } from '../../catalog/containerMatch';
import type { ContainerState } from '../../catalog/dockerInspectState';
import type { DockerContainer } from '../../catalog/dockerPs';
import { parseStatusText } from '../../catalog/dockerStatusText';
import { serviceStatus, unknownStatus, worstState } from './serviceStatus';

export type FileState = 'readable' | 'unreadable' | 'absent' | 'unknown';

/** Exit codes of a container stopped on purpose: 0, and SIGINT/SIGKILL/SIGTERM as 128+n (docker stop, compose down). */
const STOPPED_EXIT_CODES = new Set([0, 130, 137, 143]);

export function stateOfContainer(c: DockerContainer, inspected: ContainerState | undefined): ServiceState {
  const health = inspected?.health ?? parseStatusText(c.status).health;
  switch (c.state) {
    case 'running':
      return health === 'unhealthy' ? 'failed' : health === 'starting' ? 'starting' : 'running';
    case 'restarting':
      return 'restarting';
    case 'removing':
      return 'stopping';
    case 'paused':
    case 'created':
      return 'stopped';
    case 'exited': {
      const code = inspected?.exitCode ?? parseStatusText(c.status).exitCode;
      return code !== null && STOPPED_EXIT_CODES.has(code) && !inspected?.oomKilled ? 'stopped' : 'failed';
    }
    case 'dead':
      return 'failed';
    default:
      return 'unknown';
  }
}

function sinceOf(c: DockerContainer, inspected: ContainerState | undefined, now: Date): string | null {
  if (inspected) return c.state === 'running' || c.state === 'paused' ? inspected.startedAt : inspected.finishedAt ?? inspected.startedAt;
  // Without inspect, the STATUS text gives it to go-units' rounding.
  const t = parseStatusText(c.status);
  const seconds = t.upSeconds ?? t.agoSeconds;
  return seconds === null ? null : new Date(now.getTime() - seconds * 1000).toISOString();
}

function detailOf(state: ServiceState, containers: readonly DockerContainer[]): string {
  const list = containers.map((c) => `${c.name}: ${c.status}`).join('; ');
  if (state === 'failed' && containers.some((c) => /\(unhealthy\)/.test(c.status))) return `${list} (the container runs but its health check fails)`;
  return list;
}

export function statusOfComposeService(
  service: ComposeService,
  containers: readonly DockerContainer[],
  inspected: ReadonlyMap<string, ContainerState>,
  file: FileState,
  now: Date,
): ServiceStatus {
  const mine = containersOfService(service, containers);
  const path = composeFilePath(service);
  if (mine.length === 0) {
    if (file === 'absent') {
      return unknownStatus(service.id, 'not-installed', `No container matches ${service.containerPatterns.join(', ')} and ${path} does not exist on this node.`);
    }
    return serviceStatus(service.id, 'stopped', `No container: the compose project ${service.composeProject} is down for ${service.composeFile}.`);
  }
  const states = mine.map((c) => stateOfContainer(c, inspected.get(c.name)));
  const state = worstState(states) ?? 'unknown';
  const worstIndex = states.indexOf(state);
  const worst = mine[worstIndex] ?? mine[0];
  const worstInspect = worst ? inspected.get(worst.name) : undefined;
  const restartCounts = mine.map((c) => inspected.get(c.name)?.restartCount).filter((n): n is number => n !== undefined);
  const containerStatuses: ContainerStatus[] = mine.map((c) => ({
    name: c.name,
    state: c.state,
    status: c.status,
    health: inspected.get(c.name)?.health ?? parseStatusText(c.status).health,
  }));
  const healths = containerStatuses.map((c) => c.health);
  return serviceStatus(service.id, state, detailOf(state, mine), {
    reason: state === 'unknown' ? 'error' : null,
    since: worst ? sinceOf(worst, worstInspect, now) : null,
    mainPid: worstInspect?.pid ?? null,
    restarts: restartCounts.length ? restartCounts.reduce((a, b) => a + b, 0) : null,
    health: healths.includes('unhealthy') ? 'unhealthy' : healths.includes('starting') ? 'starting' : healths.includes('healthy') ? 'healthy' : null,
    containers: containerStatuses,
  });
}

/** The compose file as the node sees it: relative names live in the halfstack dir. */
export function composeFilePath(service: Pick<ComposeService, 'halfstackDir' | 'composeFile'>): string {
  if (service.composeFile.startsWith('/') || service.composeFile.startsWith('~')) return service.composeFile;
  return `${service.halfstackDir.replace(/\/+$/, '')}/${service.composeFile}`;
}
