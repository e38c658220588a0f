/**
 * A bench's client of the web form: calls and pushed events over its
 * WebSocket, with the token and Origin the server demands, and nothing else
 * (no schema checks in the loop being measured).
 */
import { WebSocket } from 'ws';

export interface RpcClient {
  call(method: string, input: unknown): Promise<unknown>;
  onEvent(listener: (event: string, payload: Record<string, unknown>) => void): void;
  close(): void;
}

/** The web form's WebSocket protocol (common/rpc/transport.ts), as a script speaks it. */
export function connectRpc(url: string, origin: string): Promise<RpcClient> {
  const u = new URL(url);
  const ws = new WebSocket(`ws://${u.host}/rpc?token=${u.searchParams.get('token') ?? ''}`, { origin });
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  const listeners: Array<(event: string, payload: Record<string, unknown>) => void> = [];
  let nextId = 1;
  ws.on('message', (data: Buffer) => {
    const msg = JSON.parse(data.toString()) as { t: string; id?: number; event?: string; payload?: Record<string, unknown>; result?: { ok: boolean; value?: unknown; error?: unknown } };
    if (msg.t === 'result' && msg.id !== undefined) {
      const p = pending.get(msg.id);
      pending.delete(msg.id);
      if (msg.result?.ok) p?.resolve(msg.result.value);
      else p?.reject(new Error(JSON.stringify(msg.result?.error)));
    } else if (msg.t === 'event' && msg.event && msg.payload) {
      for (const l of listeners) l(msg.event, msg.payload);
    }
  });
  return new Promise((resolve, reject) => {
    ws.on('error', reject);
    ws.on('open', () =>
      resolve({
        call(method, input) {
          const id = nextId++;
          ws.send(JSON.stringify({ t: 'call', id, method, input }));
          return new Promise((res, rej) => pending.set(id, { resolve: res, reject: rej }));
        },
        onEvent: (l) => listeners.push(l),
        close: () => ws.close(),
      }),
    );
  });
}
