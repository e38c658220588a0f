/**
 * The renderer's end of the web form's WebSocket (WireMessage protocol of
 * common/rpc/transport.ts). It reconnects on its own with a capped backoff;
 * calls made while the socket is down wait for it briefly, and calls in
 * flight when it drops fail with "unreachable" rather than hang.
 */
import { ApiError } from '../../common/contract/errors';
import type { CallResult, ClientTransport, WireMessage } from '../../common/rpc/transport';
import type { ConnectionListener, ConnectionState } from './connectionState';
import { retryDelayMs } from './reconnectDelay';

/** How long a call waits for a (re)connection before it fails. */
const CALL_WAIT_MS = 10_000;

const unreachable = (message: string): CallResult => ({ ok: false, error: new ApiError('unreachable', message).toJSON() });

export interface WsClientTransport extends ClientTransport {
  onState(listener: ConnectionListener): () => void;
  state(): ConnectionState;
}

export function createWsClientTransport(socketUrl: string): WsClientTransport {
  let socket: WebSocket | null = null;
  let current: ConnectionState = { status: 'connecting', attempt: 1, everOpened: false };
  let attempt = 0;
  let everOpened = false;
  let nextId = 1;
  const pending = new Map<number, (result: CallResult) => void>();
  const waitingForOpen = new Set<() => void>();
  const eventListeners = new Set<(event: string, payload: unknown) => void>();
  const stateListeners = new Set<ConnectionListener>();

  const setState = (state: ConnectionState) => {
    current = state;
    for (const l of stateListeners) l(state);
  };

  const open = () => {
    attempt += 1;
    setState({ status: 'connecting', attempt, everOpened });
    const ws = new WebSocket(socketUrl);
    socket = ws;
    ws.onopen = () => {
      attempt = 0;
      everOpened = true;
      setState({ status: 'open' });
      for (const wake of waitingForOpen) wake();
      waitingForOpen.clear();
    };
    ws.onmessage = (ev: MessageEvent) => {
      if (typeof ev.data !== 'string') return;
      let msg: WireMessage;
      try {
        msg = JSON.parse(ev.data) as WireMessage;
      } catch {
        return;
      }
      if (msg.t === 'result') {
        pending.get(msg.id)?.(msg.result);
        pending.delete(msg.id);
      } else if (msg.t === 'event') {
        for (const l of eventListeners) l(msg.event, msg.payload);
      }
    };
    ws.onclose = () => {
      if (socket !== ws) return;
      socket = null;
      for (const resolve of pending.values()) {
        resolve(unreachable('The connection to ClusterDeck dropped before the answer came. Check whether the action happened, then try again.'));
      }
      pending.clear();
      const retryInMs = retryDelayMs(attempt);
      setState({ status: 'lost', attempt, retryInMs, everOpened });
      setTimeout(open, retryInMs);
    };
  };

  const whenOpen = (): Promise<boolean> => {
    if (socket?.readyState === WebSocket.OPEN) return Promise.resolve(true);
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        resolve(true);
      };
      const timer = setTimeout(() => {
        waitingForOpen.delete(wake);
        resolve(false);
      }, CALL_WAIT_MS);
      waitingForOpen.add(wake);
    });
  };

  open();

  return {
    async call(method, input) {
      if (!(await whenOpen()) || !socket) {
        return unreachable('ClusterDeck is not reachable. Is "npm run web" still running? If it was restarted, open the new URL it printed.');
      }
      const id = nextId++;
      const ws = socket;
      return new Promise<CallResult>((resolve) => {
        pending.set(id, resolve);
        ws.send(JSON.stringify({ t: 'call', id, method, input } satisfies WireMessage));
      });
    },
    onEvent(listener) {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },
    onState(listener) {
      stateListeners.add(listener);
      return () => stateListeners.delete(listener);
    },
    state: () => current,
  };
}
