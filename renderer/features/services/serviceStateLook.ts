/**
 * How a state looks: the badge colour of each service state and health,
 * and the one-line words for unknown reasons. Red means a person should
 * look (failed, stopped), amber that it moves or cannot be read, green runs.
 */
import type { Health, NodeStatus, ServiceState, ServiceStatus } from '../../../common/contract/schemas/services';

/** StatusBadge's tones, named here so this file stays plain TS (the unit tests run it under the node tsconfig). */
export type Status = 'ok' | 'warning' | 'failed' | 'unknown';

export const BADGE_OF_STATE: Record<ServiceState, Status> = {
  running: 'ok',
  starting: 'warning',
  stopping: 'warning',
  restarting: 'warning',
  stopped: 'failed',
  failed: 'failed',
  unknown: 'unknown',
};

export const BADGE_OF_HEALTH: Record<Health, Status> = { green: 'ok', amber: 'warning', red: 'failed', grey: 'unknown' };

const REASON_WORDS: Record<string, string> = {
  unreachable: 'unreachable',
  permission: 'no permission',
  'not-installed': 'not installed',
  error: 'error',
  cancelled: 'check cancelled',
};

/** `running`, `failed`, `unknown (unreachable)`; "not checked" before any sweep. */
export function stateText(status: ServiceStatus | undefined): string {
  if (!status) return 'not checked';
  if (status.state === 'unknown' && status.reason) return `unknown (${REASON_WORDS[status.reason] ?? status.reason})`;
  return status.state;
}

/** The node could not be asked; a check the operator cancelled before it answered is not that. */
export function isUnreachable(node: NodeStatus | undefined): boolean {
  if (node?.reachable !== false) return false;
  return !(node.statuses.length > 0 && node.statuses.every((s) => s.reason === 'cancelled'));
}
