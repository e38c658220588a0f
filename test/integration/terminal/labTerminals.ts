/**
 * Terminal calls wired to an SSH engine aimed at the lab (labEngine.ts: lab
 * host keys trusted, short keepalive so a cut link shows within a second),
 * and a "renderer" per terminal that writes at xterm.js speed on one thread
 * and acknowledges each batch after its write, as the app's renderer does.
 */
import type { TerminalData, TerminalExit } from '../../../common/contract/schemas/terminal';
import { openRemoteShell } from '../../../main/core/terminal/remoteTerminal';
import { terminalCalls, type TerminalCalls } from '../../../main/core/terminal/terminalCalls';
import { memoryLogger, tempDir } from '../../unit/support/testPorts';
import { createLabEngine, type LabEngine } from '../ssh/labEngine';

/** xterm.js parses 5-35 MB/s: each batch costs 1 ms plus its size at 30 MB/s. */
export const RENDER_BYTES_PER_MS = 30_000;

export interface Renderer {
  tail: string;
  bytes: number;
  batches: number;
  exit?: TerminalExit;
  acking: boolean;
  onBatch?: (batch: TerminalData, at: number) => void;
}

export interface LabTerminals {
  lab: LabEngine;
  calls: TerminalCalls;
  rendererOf(terminalId: string): Renderer;
  close(): Promise<void>;
}

export interface LabTerminalOptions {
  /** How fast the simulated renderer parses (bytes per ms); RENDER_BYTES_PER_MS unless a test or a measurement says. */
  renderBytesPerMs?: number;
}

export function createLabTerminals(options: LabTerminalOptions = {}): LabTerminals {
  const renderBytesPerMs = options.renderBytesPerMs ?? RENDER_BYTES_PER_MS;
  const lab = createLabEngine({
    connectTimeoutMs: 5000,
    keepaliveIntervalMs: 250,
    keepaliveCountMax: 3,
    // No background retry racing the test's own reconnect.
    backoff: { baseMs: 60_000, capMs: 60_000, maxAttempts: 3 },
  });
  lab.trustLabHostKeys();
  const renderers = new Map<string, Renderer>();
  const cleanups: (() => void | Promise<void>)[] = [];
  const rendererOf = (id: string): Renderer => {
    let r = renderers.get(id);
    if (!r) renderers.set(id, (r = { tail: '', bytes: 0, batches: 0, acking: true }));
    return r;
  };
  let renderQueue = Promise.resolve();
  const deliver = (event: string, payload: TerminalData | TerminalExit) => {
    const r = rendererOf(payload.terminalId);
    if (event === 'terminal.exit') {
      r.exit = payload as TerminalExit;
      return;
    }
    const batch = payload as TerminalData;
    r.bytes += batch.bytes;
    renderQueue = renderQueue.then(
      () =>
        new Promise<void>((resolve) =>
          setTimeout(() => {
            r.batches++;
            r.tail = (r.tail + batch.data).slice(-8192); // a tail only: the flood must not live in the test
            r.onBatch?.(batch, performance.now());
            if (r.acking) void calls.ackTerminal({ terminalId: batch.terminalId, bytes: batch.bytes });
            resolve();
          }, 1 + batch.bytes / renderBytesPerMs),
        ),
    );
  };
  const calls = terminalCalls(
    {
      ports: { now: () => new Date(), logger: memoryLogger(), paths: { homeDir: tempDir('cd-term-home-'), dataDir: '', backupsDir: '', logsDir: '' } },
      events: { emit: (event: string, payload: TerminalData | TerminalExit) => deliver(event, payload) },
      onClose: (cleanup) => cleanups.push(cleanup),
    },
    {
      openRemote: (request) =>
        openRemoteShell(
          {
            engine: lab.engine,
            clusterNameOf: () => 'lab',
            serviceOnNode: () => {
              throw new Error('shortcuts are tested through core (remoteShortcuts.test.ts)');
            },
            managerDirOf: () => lab.lab.managerDir,
          },
          request,
        ),
    },
  );
  return {
    lab,
    calls,
    rendererOf,
    async close() {
      for (const cleanup of cleanups) await cleanup();
      await lab.engine.close();
    },
  };
}

export async function waitFor(what: string, condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 2));
  }
}
