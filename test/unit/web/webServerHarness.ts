/** Starts the real web form (real core, temp data dir) for a test and opens raw WebSockets to it. */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { startWebServer, type WebServer } from '../../../main/web/server';

export interface Harness {
  server: WebServer;
  origin: string;
  dataDir: string;
  cleanup(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cd-web-test-'));
  const server = await startWebServer({ dataDir, port: 0, rendererDir: path.join(dataDir, 'no-renderer') });
  return {
    server,
    origin: `http://127.0.0.1:${server.port}`,
    dataDir,
    async cleanup() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type OpenOutcome = { kind: 'open'; ws: WebSocket } | { kind: 'refused'; status: number };

/** Opens /rpc with the given token and headers; resolves with the socket or the HTTP status it was refused with. */
export function openRpc(
  h: Harness,
  opts: { token?: string | null; origin?: string | null; host?: string; path?: string } = {},
): Promise<OpenOutcome> {
  const token = opts.token === undefined ? h.server.token : opts.token;
  const query = token === null ? '' : `?token=${encodeURIComponent(token)}`;
  const headers: Record<string, string> = {};
  const origin = opts.origin === undefined ? h.origin : opts.origin;
  if (origin !== null) headers.Origin = origin;
  if (opts.host) headers.Host = opts.host;
  const ws = new WebSocket(`ws://127.0.0.1:${h.server.port}${opts.path ?? '/rpc'}${query}`, { headers });
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve({ kind: 'open', ws }));
    ws.once('unexpected-response', (_req, res) => {
      resolve({ kind: 'refused', status: res.statusCode ?? 0 });
      ws.terminate();
    });
    ws.once('error', (err) => reject(err));
  });
}

/** Sends one call and waits for its result, skipping pushed events that arrive first. */
export function callForResult(ws: WebSocket, id: number, method: string, input: unknown): Promise<unknown> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const message = JSON.parse(String(data)) as { t: string; id?: number };
      if (message.t !== 'result' || message.id !== id) return;
      ws.off('message', onMessage);
      resolve(message);
    };
    ws.on('message', onMessage);
    ws.send(JSON.stringify({ t: 'call', id, method, input }));
  });
}

/** Sends one raw frame and waits for the next message or close. */
export function exchange(ws: WebSocket, frame: string): Promise<{ message?: unknown; closeCode?: number }> {
  return new Promise((resolve) => {
    ws.once('message', (data) => resolve({ message: JSON.parse(String(data)) as unknown }));
    ws.once('close', (code) => resolve({ closeCode: code }));
    ws.send(frame);
  });
}
