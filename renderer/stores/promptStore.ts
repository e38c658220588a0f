/**
 * Host-key and login questions from the SSH engine, queued oldest first
 * (promptQueue.ts). Answers go straight to main: typed passwords and codes
 * pass through here as call arguments and are never kept in the store.
 */
import { create } from 'zustand';
import { dropPrompt, enqueuePrompt, type HostKeyDecision, type QueuedPrompt } from '../features/ssh/promptQueue';
import { api } from '../api/client';
import { apiErrorOf } from './apiErrorText';

interface PromptState {
  queue: QueuedPrompt[];
  /** The prompt whose answer is on its way to main. */
  busyId: string | null;
  error: string | null;
  /** Said once when a prompt closed before it was answered here (timeout, answered in another window). */
  notice: string | null;
  add(item: QueuedPrompt): void;
  closed(promptId: string, reason: 'answered' | 'timeout' | 'cancelled'): void;
  answerHostKey(promptId: string, decision: HostKeyDecision): Promise<void>;
  answerAuth(promptId: string, answers: string[], remember: boolean): Promise<void>;
  cancelAuth(promptId: string): Promise<void>;
  dismissNotice(): void;
}

const goneNotice = 'That question had already closed (it timed out or was answered elsewhere). Run Test connection again if the node is still needed.';

export const usePromptStore = create<PromptState>((set, get) => {
  const send = async (promptId: string, call: () => Promise<{ accepted: boolean }>) => {
    set({ busyId: promptId, error: null });
    try {
      const { accepted } = await call();
      set((s) => ({ queue: dropPrompt(s.queue, promptId), busyId: null, notice: accepted ? s.notice : goneNotice }));
    } catch (err) {
      set({ busyId: null, error: apiErrorOf(err).message });
    }
  };
  return {
    queue: [],
    busyId: null,
    error: null,
    notice: null,
    add(item) {
      set((s) => ({ queue: enqueuePrompt(s.queue, item) }));
    },
    closed(promptId, reason) {
      const wasShown = get().queue[0]?.prompt.promptId === promptId && get().busyId !== promptId;
      set((s) => ({
        queue: dropPrompt(s.queue, promptId),
        busyId: s.busyId === promptId ? null : s.busyId,
        error: wasShown ? null : s.error,
        notice: wasShown && reason === 'timeout' ? 'The question timed out, so ClusterDeck did not connect. Run Test connection again.' : s.notice,
      }));
    },
    answerHostKey: (promptId, decision) => send(promptId, () => api().answerHostKeyPrompt({ promptId, decision })),
    answerAuth: (promptId, answers, remember) => send(promptId, () => api().answerAuthPrompt({ promptId, answers, remember, cancel: false })),
    cancelAuth: (promptId) => send(promptId, () => api().answerAuthPrompt({ promptId, cancel: true, remember: false })),
    dismissNotice() {
      set({ notice: null });
    },
  };
});

export function watchPrompts(): () => void {
  const offs = [
    api().on('hostkey.prompt', (prompt) => usePromptStore.getState().add({ type: 'hostkey', prompt })),
    api().on('auth.prompt', (prompt) => usePromptStore.getState().add({ type: 'auth', prompt })),
    api().on('prompt.closed', ({ promptId, reason }) => usePromptStore.getState().closed(promptId, reason)),
  ];
  return () => offs.forEach((off) => off());
}
