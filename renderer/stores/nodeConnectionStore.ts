/**
 * Each node's SSH connection state as the engine reports it: read once with
 * getNodeConnections, then kept current by `node.connection` events, and
 * re-read after the link to main comes back (events may have been missed).
 */
import { create } from 'zustand';
import type { EventPayload } from '../../common/contract/events';
import { api, rendererApi } from '../api/client';
import type { NodeConnection } from '../features/ssh/connectionStateText';
import { apiErrorOf } from './apiErrorText';

interface NodeConnectionState {
  byNode: Readonly<Record<string, NodeConnection>>;
  loadError: string | null;
  load(): Promise<void>;
  apply(event: EventPayload<'node.connection'>, now?: number): void;
}

export const useNodeConnectionStore = create<NodeConnectionState>((set) => ({
  byNode: {},
  loadError: null,
  async load() {
    try {
      const list = await api().getNodeConnections({});
      const now = Date.now();
      const byNode: Record<string, NodeConnection> = {};
      for (const c of list) byNode[c.nodeId] = { state: c.state, reason: c.reason, hostKeyChange: c.hostKeyChange, since: now };
      set({ byNode, loadError: null });
    } catch (err) {
      set({ loadError: apiErrorOf(err).message });
    }
  },
  apply(event, now = Date.now()) {
    set((s) => ({
      byNode: {
        ...s.byNode,
        [event.nodeId]: {
          state: event.state,
          reason: event.reason,
          attempt: event.attempt,
          retryInMs: event.retryInMs,
          hostKeyChange: event.hostKeyChange,
          since: now,
        },
      },
    }));
  },
}));

export function watchNodeConnections(): () => void {
  const store = useNodeConnectionStore.getState();
  const off = api().on('node.connection', (e) => useNodeConnectionStore.getState().apply(e));
  void store.load();
  let wasOpen = rendererApi().connection().status === 'open';
  const offLink = rendererApi().onConnection((state) => {
    if (state.status === 'open' && !wasOpen) void useNodeConnectionStore.getState().load();
    wasOpen = state.status === 'open';
  });
  return () => {
    off();
    offLink();
  };
}
