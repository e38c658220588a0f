/**
 * Open log streams, metadata only: which service on which nodes, each
 * node's command and state. The lines themselves go straight from the
 * `logs.batch` events into each stream's LogBuffer (never through React
 * state), which the viewer reads on animation frames. Each stored batch is
 * acknowledged to core (ackLogs), which pauses the nodes while too much
 * is unacknowledged, so a busy or hidden viewer holds the remote side back.
 */
import { create } from 'zustand';
import { unpackLogLines, type LogNodeState } from '../../common/contract/schemas/logs';
import { api } from '../api/client';
import { createLogBuffer, type LogBuffer } from '../features/logs/logBuffer';
import { apiErrorOf } from './apiErrorText';

export interface LogStreamNodeView {
  nodeId: string;
  nodeName: string;
  command: string;
  state: LogNodeState;
  message: string | null;
}

export interface LogStreamView {
  streamId: string;
  serviceLabel: string;
  merged: boolean;
  nodes: LogStreamNodeView[];
  opening: boolean;
  error: string | null;
}

export interface OpenLogsRequest {
  clusterId: string;
  serviceId: string;
  /** null: every node of the cluster that runs the service. */
  nodeIds: string[] | null;
  lastN: number;
  since: string | null;
  follow: boolean;
}

interface LogStreamState {
  streams: Record<string, LogStreamView>;
  /** The stream a view (by its key) shows now. */
  current: Record<string, string>;
  /** Opens a stream for the view `viewKey`, replacing what it showed. */
  open(viewKey: string, request: OpenLogsRequest): string;
  close(streamId: string): void;
}

const buffers = new Map<string, LogBuffer>();
/** States that came before openLogs answered (the node list is not known yet). */
const early = new Map<string, { nodeId: string; state: LogNodeState; message: string | null; command: string | null }[]>();
let counter = 0;
let subscribed = false;
/** Bytes stored but not yet acknowledged, per stream; sent once per turn of the event loop. */
const unacked = new Map<string, number>();
let ackTimer: ReturnType<typeof setTimeout> | undefined;

function acknowledge(streamId: string, bytes: number): void {
  if (bytes <= 0) return;
  unacked.set(streamId, (unacked.get(streamId) ?? 0) + bytes);
  ackTimer ??= setTimeout(() => {
    ackTimer = undefined;
    for (const [id, n] of unacked) void api().ackLogs({ streamId: id, bytes: n }).catch(() => undefined);
    unacked.clear();
  }, 0);
}

export function logBufferOf(streamId: string): LogBuffer | undefined {
  return buffers.get(streamId);
}

export const useLogStreamStore = create<LogStreamState>((set, get) => {
  const applyState = (streamId: string, nodeId: string, state: LogNodeState, message: string | null, command: string | null) => {
    const view = get().streams[streamId];
    if (!view) return;
    const nodes = view.nodes.map((n) => (n.nodeId === nodeId ? { ...n, state, message, command: command ?? n.command } : n));
    set({ streams: { ...get().streams, [streamId]: { ...view, nodes } } });
  };

  const subscribe = () => {
    if (subscribed) return;
    subscribed = true;
    api().on('logs.batch', (b) => {
      const buffer = buffers.get(b.streamId);
      if (!buffer) return;
      buffer.add(unpackLogLines(b));
      acknowledge(b.streamId, b.bytes);
    });
    api().on('logs.state', (s) => {
      if (!buffers.has(s.streamId)) return;
      const view = get().streams[s.streamId];
      if (!view || view.opening) {
        const list = early.get(s.streamId) ?? [];
        list.push({ nodeId: s.nodeId, state: s.state, message: s.message ?? null, command: s.command ?? null });
        early.set(s.streamId, list);
        return;
      }
      applyState(s.streamId, s.nodeId, s.state, s.message ?? null, s.command ?? null);
    });
  };

  return {
    streams: {},
    current: {},
    open(viewKey, request) {
      subscribe();
      counter += 1;
      const streamId = `view-${Date.now().toString(36)}-${counter}`;
      const merged = request.nodeIds === null || request.nodeIds.length > 1;
      buffers.set(streamId, createLogBuffer({ merged }));
      set({
        streams: { ...get().streams, [streamId]: { streamId, serviceLabel: request.serviceId, merged, nodes: [], opening: true, error: null } },
        current: { ...get().current, [viewKey]: streamId },
      });
      api()
        .openLogs({
          streamId,
          clusterId: request.clusterId,
          serviceId: request.serviceId,
          ...(request.nodeIds ? { nodeIds: request.nodeIds } : {}),
          lastN: request.lastN,
          ...(request.since ? { since: request.since } : {}),
          follow: request.follow,
          acknowledge: true,
        })
        .then((opened) => {
          const view = get().streams[streamId];
          if (!view) {
            // Closed while opening.
            void api().closeLogs({ streamId }).catch(() => undefined);
            return;
          }
          const nodes = opened.nodes.map((n): LogStreamNodeView => ({ ...n, state: 'starting', message: null }));
          set({ streams: { ...get().streams, [streamId]: { ...view, serviceLabel: opened.serviceLabel, nodes, opening: false } } });
          for (const s of early.get(streamId) ?? []) applyState(streamId, s.nodeId, s.state, s.message, s.command);
          early.delete(streamId);
        })
        .catch((err: unknown) => {
          const view = get().streams[streamId];
          if (view) set({ streams: { ...get().streams, [streamId]: { ...view, opening: false, error: apiErrorOf(err).message } } });
        });
      return streamId;
    },
    close(streamId) {
      if (!get().streams[streamId]) return;
      const { [streamId]: _closed, ...rest } = get().streams;
      const current = Object.fromEntries(Object.entries(get().current).filter(([, id]) => id !== streamId));
      set({ streams: rest, current });
      buffers.delete(streamId);
      early.delete(streamId);
      unacked.delete(streamId);
      void api().closeLogs({ streamId }).catch(() => undefined);
    },
  };
});
