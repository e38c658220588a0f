/**
 * Runs one change an operator asked for and leaves exactly one activity row
 * for it, ok or failed with the message they saw. On success it tells every
 * window that profiles changed, so lists refresh without polling.
 */
import { toApiError } from '../../../common/contract/errors';
import type { EventSink } from '../../../common/contract/events';
import type { ActivityLog } from './activityLog';

export interface ChangeNote {
  action: string;
  target: string;
  clusterId?: string | null;
  nodeId?: string | null;
  detail?: string;
}

export interface ChangeDeps {
  activity: ActivityLog;
  events: EventSink;
}

/** `note` may be filled in while running (e.g. the id of what was created). */
export function trackedChange<T>(deps: ChangeDeps, note: ChangeNote, run: (note: ChangeNote) => T): T {
  let result: T;
  try {
    result = run(note);
  } catch (err) {
    const message = toApiError(err).message;
    deps.activity.record({ ...note, result: 'failed', detail: note.detail ? `${note.detail}: ${message}` : message });
    throw err;
  }
  deps.activity.record({ ...note, result: 'ok' });
  deps.events.emit('profiles.changed', { clusterId: note.clusterId ?? null });
  return result;
}
