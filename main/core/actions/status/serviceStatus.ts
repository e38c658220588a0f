/**
 * Building ServiceStatus values, and how bad each state is, so every rule
 * that picks "the worst" (several containers, a node, a cluster) agrees.
 */
import type { ServiceState, ServiceStatus, UnknownReason } from '../../../../common/contract/schemas/services';

export function serviceStatus(serviceId: string, state: ServiceState, detail: string, extra: Partial<ServiceStatus> = {}): ServiceStatus {
  return { serviceId, state, reason: null, detail, since: null, mainPid: null, restarts: null, health: null, containers: [], ...extra };
}

export function unknownStatus(serviceId: string, reason: UnknownReason, detail: string): ServiceStatus {
  return serviceStatus(serviceId, 'unknown', detail, { reason });
}

/** Higher is worse: what a person should look at first. */
export const STATE_SEVERITY: Record<ServiceState, number> = {
  failed: 6,
  restarting: 5,
  stopped: 4,
  unknown: 3,
  starting: 2,
  stopping: 2,
  running: 0,
};

export function worstState(states: readonly ServiceState[]): ServiceState | null {
  let worst: ServiceState | null = null;
  for (const s of states) if (worst === null || STATE_SEVERITY[s] > STATE_SEVERITY[worst]) worst = s;
  return worst;
}
