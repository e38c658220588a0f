/**
 * The host-key and login questions waiting for the operator, oldest first.
 * The first one is shown; the rest wait their turn. Pure, so the queue rules
 * are tested without a browser.
 */
import type { EventPayload } from '../../../common/contract/events';

export type HostKeyPrompt = EventPayload<'hostkey.prompt'>;
export type AuthPrompt = EventPayload<'auth.prompt'>;

/** The three answers of the host-key dialog (answerHostKeyPrompt's decision). */
export type HostKeyDecision = 'trust-remember' | 'trust-once' | 'cancel';

export type QueuedPrompt = { type: 'hostkey'; prompt: HostKeyPrompt } | { type: 'auth'; prompt: AuthPrompt };

/** Adds a prompt at the end; an id already queued (an event seen twice) is ignored. */
export function enqueuePrompt(queue: readonly QueuedPrompt[], item: QueuedPrompt): QueuedPrompt[] {
  if (queue.some((q) => q.prompt.promptId === item.prompt.promptId)) return [...queue];
  return [...queue, item];
}

/** Removes a prompt wherever it is: answered here, answered elsewhere, timed out or cancelled by main. */
export function dropPrompt(queue: readonly QueuedPrompt[], promptId: string): QueuedPrompt[] {
  return queue.filter((q) => q.prompt.promptId !== promptId);
}
