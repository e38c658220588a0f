/**
 * Actions that did not run because a confirmation was missing, wrong or
 * declined still leave an activity row ("cancelled"), so the log shows who
 * meant to stop the database and thought better of it. Core's own refusals
 * (no confirmation, wrong typed name) are recorded here as they are thrown;
 * a dialog the operator cancelled is reported by the renderer.
 */
import { toApiError } from '../../../../common/contract/errors';
import type { ConfirmationAnswer } from '../../../../common/contract/schemas/services';
import type { ActivityLog } from '../../activity/activityLog';
import { requireConfirmation } from './confirmationCheck';
import type { ControlAction, ControlOptions } from './controlCommand';
import type { ActionTarget, Confirmation } from './controlConfirmation';

export interface ActionNote {
  /** `service.stop`, `cluster.stop`... the same names the run itself records. */
  action: string;
  target: string;
  clusterId: string;
  nodeId?: string | null;
}

/** "Redis on bai-m1", "Agent on 3 nodes (a01, a02, a03)", for one service on its nodes. */
export function targetWords(targets: readonly ActionTarget[]): string {
  const label = targets[0]?.service.label ?? 'service';
  if (targets.length === 1) return `${label} on ${targets[0]?.nodeName ?? '?'}`;
  return `${label} on ${targets.length} nodes (${targets.map((t) => t.nodeName).join(', ')})`;
}

/** requireConfirmation, with an activity row when core refuses. */
export function confirmedOrRecorded(
  activity: ActivityLog,
  note: ActionNote,
  check: {
    cluster: { name: string; isProduction: boolean };
    action: ControlAction;
    targets: readonly ActionTarget[];
    answer: ConfirmationAnswer | undefined;
    options?: ControlOptions;
  },
): Confirmation {
  try {
    return requireConfirmation(check.cluster, check.action, check.targets, check.answer, check.options);
  } catch (err) {
    activity.record({ ...note, result: 'cancelled', detail: `Refused by ClusterDeck before anything ran: ${toApiError(err).message}` });
    throw err;
  }
}

/** The operator closed the confirmation without going ahead. Nothing to record when none was asked. */
export function recordDeclined(activity: ActivityLog, note: ActionNote, confirmation: Confirmation): boolean {
  if (confirmation.kind === 'none') return false;
  const asked = confirmation.kind === 'type-name' ? `typing the production cluster's name (${confirmation.name})` : 'a confirmation';
  const first = confirmation.message.split('\n')[0] ?? '';
  activity.record({ ...note, result: 'cancelled', detail: `Cancelled by the operator at ${asked}; nothing was run. ${first}`.trim() });
  return true;
}
