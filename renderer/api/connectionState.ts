/** How the renderer's link to main is doing, as the transport reports it. */
export type ConnectionState =
  /** Preload bridge (desktop) or an open WebSocket. */
  | { status: 'open' }
  | { status: 'connecting'; attempt: number; everOpened: boolean }
  /** The socket closed; a retry is scheduled. */
  | { status: 'lost'; attempt: number; retryInMs: number; everOpened: boolean }
  /** No token in the URL or this tab: the page was opened without the printed link. */
  | { status: 'no-token' };

export type ConnectionListener = (state: ConnectionState) => void;
