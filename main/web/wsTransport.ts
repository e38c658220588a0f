/**
 * The WebSocket transport of the web form: one endpoint, /rpc, carrying the
 * WireMessage protocol of common/rpc/transport.ts. A socket is only accepted
 * with the start-up token, this server's Host and this server's Origin, so
 * another site open in the same browser cannot drive the console. Validation
 * of every call happens in serve(), shared with the IPC transport.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import { ApiError } from '../../common/contract/errors';
import type { CallResult, ServerTransport, WireMessage } from '../../common/rpc/transport';
import type { Logger } from '../core/ports';
import { isTokenAccepted } from './accessToken';
import { isServedHost, isServedOrigin, type ServedOrigin } from './servedOrigin';

export const RPC_PATH = '/rpc';
/** importCluster takes up to 5 MB of JSON; the frame carries it JSON-encoded once more. */
export const MAX_PAYLOAD_BYTES = 12 * 1024 * 1024;
/** A client that stops reading is dropped instead of buffering events without bound. */
const MAX_BUFFERED_BYTES = 64 * 1024 * 1024;

export interface WsTransportOptions {
  token: string;
  served: () => ServedOrigin;
  logger: Logger;
}

export interface WsTransport extends ServerTransport {
  /** Hand an HTTP upgrade request over; refused requests get an HTTP error and are closed. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  clientCount(): number;
  close(): Promise<void>;
}

export type UpgradeVerdict = { ok: true } | { ok: false; status: 400 | 401 | 403 | 404; reason: string };

/** Decides whether an upgrade request may open the RPC socket. Pure, for tests. */
export function judgeUpgrade(req: IncomingMessage, token: string, served: ServedOrigin): UpgradeVerdict {
  const url = new URL(req.url ?? '/', 'http://placeholder');
  if (url.pathname !== RPC_PATH) return { ok: false, status: 404, reason: 'no such endpoint' };
  if (!isServedHost(served, req.headers.host)) return { ok: false, status: 403, reason: 'Host header is not this server' };
  if (!isServedOrigin(served, req.headers.origin, req.headers.host)) {
    return { ok: false, status: 403, reason: 'Origin is not this server' };
  }
  if (!isTokenAccepted(token, url.searchParams.get('token'))) return { ok: false, status: 401, reason: 'missing or wrong token' };
  return { ok: true };
}

function refuseUpgrade(socket: Duplex, status: number, reason: string): void {
  const text = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found' }[status] ?? 'Error';
  const body = `${reason}\n`;
  socket.end(
    `HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

/** Parses one incoming frame; anything but a well-formed call is null. */
export function parseCallMessage(data: string): Extract<WireMessage, { t: 'call' }> | { t: 'bad'; id: number | null } {
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return { t: 'bad', id: null };
  }
  if (typeof value !== 'object' || value === null) return { t: 'bad', id: null };
  const v = value as Record<string, unknown>;
  const id = typeof v.id === 'number' && Number.isSafeInteger(v.id) ? v.id : null;
  if (v.t !== 'call' || id === null || typeof v.method !== 'string') return { t: 'bad', id };
  return { t: 'call', id, method: v.method, input: v.input };
}

export function createWsTransport(options: WsTransportOptions): WsTransport {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_PAYLOAD_BYTES, perMessageDeflate: false });
  const sockets = new Set<WebSocket>();
  let handler: ((method: unknown, input: unknown) => Promise<CallResult>) | undefined;

  function send(ws: WebSocket, message: WireMessage): void {
    if (ws.readyState !== WebSocket.OPEN) return;
    if (ws.bufferedAmount > MAX_BUFFERED_BYTES) {
      options.logger.warn('web: dropping a client that stopped reading', { bufferedBytes: ws.bufferedAmount });
      ws.terminate();
      return;
    }
    ws.send(JSON.stringify(message));
  }

  async function onMessage(ws: WebSocket, data: RawData, isBinary: boolean): Promise<void> {
    if (isBinary) {
      ws.close(1003, 'text frames only');
      return;
    }
    const text = Array.isArray(data) ? Buffer.concat(data).toString('utf8') : Buffer.from(data as ArrayBuffer).toString('utf8');
    const msg = parseCallMessage(text);
    if (msg.t === 'bad') {
      if (msg.id === null) {
        ws.close(1007, 'malformed message');
        return;
      }
      const error = new ApiError('invalid_input', 'The message was not a call ({t:"call", id, method, input}).').toJSON();
      send(ws, { t: 'result', id: msg.id, result: { ok: false, error } });
      return;
    }
    const result: CallResult = handler
      ? await handler(msg.method, msg.input)
      : { ok: false, error: new ApiError('internal', 'The server is still starting. Try again in a moment.').toJSON() };
    send(ws, { t: 'result', id: msg.id, result });
  }

  wss.on('connection', (ws: WebSocket) => {
    sockets.add(ws);
    ws.on('message', (data, isBinary) => {
      onMessage(ws, data, isBinary).catch((err: unknown) => {
        options.logger.error('web: a call failed outside the API', { error: String(err) });
      });
    });
    ws.on('close', () => sockets.delete(ws));
    ws.on('error', (err) => {
      options.logger.warn('web: socket error', { error: err.message });
      sockets.delete(ws);
    });
  });

  return {
    handleCalls(h) {
      handler = h;
    },
    broadcast(event, payload) {
      const message: WireMessage = { t: 'event', event, payload };
      for (const ws of sockets) send(ws, message);
    },
    handleUpgrade(req, socket, head) {
      const verdict = judgeUpgrade(req, options.token, options.served());
      if (!verdict.ok) {
        // Never log the token or the query: only what was wrong and from where.
        options.logger.warn('web: refused a WebSocket', {
          reason: verdict.reason,
          origin: req.headers.origin ?? null,
          remote: req.socket.remoteAddress ?? null,
        });
        refuseUpgrade(socket, verdict.status, verdict.reason);
        return;
      }
      wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
    },
    clientCount: () => sockets.size,
    close() {
      for (const ws of sockets) ws.close(1001, 'server shutting down');
      return new Promise<void>((resolve) => {
        // Sockets that do not finish the close handshake in time are cut.
        const timer = setTimeout(() => {
          for (const ws of sockets) ws.terminate();
        }, 1000);
        wss.close(() => {
          clearTimeout(timer);
          resolve();
        });
        if (sockets.size === 0) {
          clearTimeout(timer);
          resolve();
        }
      });
    },
  };
}
