/**
 * A node's SSH connection state in words, for the tree dot and the node
 * view: connecting, connected, reconnecting with the attempt and a countdown,
 * or failed with the engine's reason. Pure: the clock is passed in.
 */
import type { EventPayload } from '../../../common/contract/events';
import type { ErrorCode } from '../../../common/contract/errors';
import type { HostKeyChange } from '../../../common/contract/schemas/ssh';

export type NodeConnectionEvent = EventPayload<'node.connection'>;

export interface NodeConnection {
  state: NodeConnectionEvent['state'];
  reason?: string | undefined;
  attempt?: number | undefined;
  retryInMs?: number | undefined;
  hostKeyChange?: HostKeyChange | undefined;
  /** When the renderer heard of this state (ms since epoch), to count down the retry. */
  since: number;
}

export type ConnectionTone = 'idle' | 'busy' | 'ok' | 'warn' | 'failed';

export interface ConnectionWords {
  tone: ConnectionTone;
  label: string;
  detail: string | null;
}

/** Seconds until the next automatic attempt, never below zero. */
export function secondsUntilRetry(c: NodeConnection, now: number): number | null {
  if (c.retryInMs === undefined) return null;
  return Math.max(0, Math.ceil((c.since + c.retryInMs - now) / 1000));
}

export function connectionWords(c: NodeConnection | undefined, now: number): ConnectionWords {
  if (!c || c.state === 'idle') return { tone: 'idle', label: 'Idle: no open connection', detail: null };
  switch (c.state) {
    case 'connecting':
      return { tone: 'busy', label: 'Connecting…', detail: null };
    case 'ready':
      return { tone: 'ok', label: 'Connected', detail: null };
    case 'reconnecting': {
      const left = secondsUntilRetry(c, now);
      const attempt = c.attempt === undefined ? '' : ` (attempt ${c.attempt})`;
      const when = left === null ? '' : left === 0 ? ', retrying now' : `, next try in ${left} s`;
      return { tone: 'warn', label: `Reconnecting${attempt}${when}`, detail: c.reason ?? null };
    }
    case 'failed':
      return { tone: 'failed', label: 'Connection failed', detail: c.reason ?? 'The engine gave no reason; see the app log.' };
  }
}

/** A short headline for a failed Test connection; the engine's message says what to do. */
export function testFailureHeadline(code: ErrorCode): string {
  switch (code) {
    case 'host_key_changed':
      return 'Host key changed or revoked: not connected';
    case 'host_key_unknown':
      return 'Host key not trusted yet';
    case 'auth_failed':
      return 'Login refused';
    case 'unreachable':
      return 'Node not reachable';
    case 'timeout':
      return 'Timed out';
    case 'cancelled':
      return 'Cancelled';
    case 'locked':
      return 'Saved secrets are locked';
    case 'permission':
      return 'Not permitted';
    case 'not_found':
      return 'Node not found';
    default:
      return 'Test failed';
  }
}
