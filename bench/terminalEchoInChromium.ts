/**
 * The keystroke echo as the operator sees it in Chromium during a flood:
 * watches the page's WebSocket. A typed '!' counts as echoed once xterm.js
 * has parsed the batch holding it, i.e. once the page has acknowledged every
 * byte up to and including that batch (acks are sent from xterm's write
 * callback); its arrival in the page is recorded too, to tell the wait in
 * front of the browser (ssh, main) from the wait inside it (xterm's backlog).
 */
import type { Page } from 'playwright-core';

export interface EchoSample {
  /** Key pressed -> batch holding the echo received by the page. */
  arrivedMs: number;
  /** Key pressed -> that batch parsed by xterm.js (acknowledged). */
  parsedMs: number;
  /** Output bytes received in the page between the key and its echo: what was queued ahead of it in ssh and main. */
  aheadBytes: number;
}

export interface EchoWatch {
  /** Types '!' unless one is still on its way; call it as often as you like. */
  typeKey(): Promise<void>;
  /** Forgets a key still on its way (the flood ended before its echo was seen). */
  reset(): void;
  readonly samples: EchoSample[];
}

type Wire = { t?: string; event?: string; method?: string; payload?: { data?: string; bytes?: number }; input?: { bytes?: number } };

function parseFrame(payload: string | Buffer): Wire | undefined {
  try {
    return JSON.parse(typeof payload === 'string' ? payload : payload.toString('utf8')) as Wire;
  } catch {
    return undefined;
  }
}

/** Call before the page opens its WebSocket (before goto). */
export function watchEchoes(page: Page): EchoWatch {
  let received = 0;
  let acked = 0;
  let pending: { sentAt: number; receivedAtSend: number; arrivedAt?: number; echoBytes?: number } | undefined;
  const samples: EchoSample[] = [];
  page.on('websocket', (ws) => {
    ws.on('framereceived', ({ payload }) => {
      const m = parseFrame(payload);
      if (m?.t !== 'event' || m.event !== 'terminal.data') return;
      received += m.payload?.bytes ?? 0;
      if (pending && pending.echoBytes === undefined && (m.payload?.data ?? '').includes('!')) {
        pending.arrivedAt = performance.now();
        pending.echoBytes = received;
      }
    });
    ws.on('framesent', ({ payload }) => {
      const m = parseFrame(payload);
      if (m?.t !== 'call' || m.method !== 'ackTerminal') return;
      acked += m.input?.bytes ?? 0;
      if (pending?.echoBytes !== undefined && pending.arrivedAt !== undefined && acked >= pending.echoBytes) {
        const now = performance.now();
        samples.push({ arrivedMs: pending.arrivedAt - pending.sentAt, parsedMs: now - pending.sentAt, aheadBytes: pending.echoBytes - pending.receivedAtSend });
        pending = undefined;
      }
    });
  });
  return {
    samples,
    async typeKey() {
      if (pending) return;
      pending = { sentAt: performance.now(), receivedAtSend: received };
      await page.keyboard.type('!');
    },
    reset() {
      pending = undefined;
    },
  };
}
