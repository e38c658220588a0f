/**
 * Real local shells (node-pty, bash) through the whole terminal pipeline:
 * calls -> session -> batcher -> flow control -> events, with a "renderer"
 * that writes at xterm.js speed and acks after each write. Needs no lab node.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { TerminalData, TerminalExit } from '../../../common/contract/schemas/terminal';
import { HIGH_WATER_BYTES } from '../../../main/core/terminal/flowControl';
import { openLocalShell } from '../../../main/core/terminal/localShell';
import { terminalCalls } from '../../../main/core/terminal/terminalCalls';
import { memoryLogger, tempDir } from '../../unit/support/testPorts';

// xterm.js parses 5-35 MB/s; the fake renderer takes 1 ms per write plus 30 MB/s.
const RENDER_BYTES_PER_MS = 30_000;
const PTY_READ_BYTES = 64 * 1024; // node-pty's read size: what can arrive after pause()
const MB = 1024 * 1024;
const PROMPT = 'cdprompt> ';
// Typed as 'cd''prompt> ' so the echo of the command itself never matches PROMPT.
const SET_PROMPT = `PS1='cd''prompt> '; unset PROMPT_COMMAND\r`;

interface Renderer {
  tail: string;
  bytes: number;
  batches: number;
  exit?: TerminalExit;
  acking: boolean;
  onBatch?: (batch: TerminalData, at: number) => void;
}

const renderers = new Map<string, Renderer>();
const cleanups: (() => void | Promise<void>)[] = [];
// An empty home: bash is pinned (so `$((6*7))` means the same whatever $SHELL is here) and
// starts without this machine's ~/.bashrc (a pyenv init there takes seconds under load).
const home = tempDir('clusterdeck-terminal-home-');
const calls = terminalCalls(
  {
    ports: { now: () => new Date(), logger: memoryLogger(), paths: { homeDir: home, dataDir: '', backupsDir: '', logsDir: '' } },
    events: { emit: (event: string, payload: TerminalData | TerminalExit) => deliver(event, payload) },
    onClose: (cleanup) => cleanups.push(cleanup),
  },
  { openLocal: (request) => openLocalShell({ ...request, env: { ...process.env, SHELL: '/bin/bash', HOME: home } }) },
);

function rendererOf(id: string): Renderer {
  let r = renderers.get(id);
  if (!r) renderers.set(id, (r = { tail: '', bytes: 0, batches: 0, acking: true }));
  return r;
}

// One renderer thread: batches are written one after another, each shows on screen (tail,
// onBatch) only when its write is done, and the ack follows xterm's write callback. So a
// backlog delays what the operator sees, exactly as it would in the app.
let renderQueue = Promise.resolve();
function deliver(event: string, payload: TerminalData | TerminalExit): void {
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
        }, 1 + batch.bytes / RENDER_BYTES_PER_MS),
      ),
  );
}

async function waitFor(what: string, condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 2));
  }
}

async function openShell(cols = 80, rows = 24): Promise<{ id: string; r: Renderer }> {
  const { terminalId } = await calls.openLocalTerminal({ cols, rows });
  const r = rendererOf(terminalId);
  await calls.writeTerminal({ terminalId, data: SET_PROMPT });
  await waitFor('the prompt', () => r.tail.includes(PROMPT));
  return { id: terminalId, r };
}

function childPids(): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Field 4 of /proc/<pid>/stat is the parent pid; the name in (...) may hold spaces.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === process.pid) pids.push(Number(entry));
    } catch {
      // exited while we looked
    }
  }
  return pids;
}

const openFds = () => readdirSync('/proc/self/fd').length;
const say = (line: string) => process.stderr.write(`terminal: ${line}\n`);

afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
  rmSync(home, { recursive: true, force: true });
});

describe.runIf(process.platform === 'linux')('local shell through the terminal pipeline', () => {
  it('runs a command and shows its output', async () => {
    const { id, r } = await openShell();
    await calls.writeTerminal({ terminalId: id, data: 'echo hello-$((6*7))\r' });
    await waitFor('hello-42', () => r.tail.includes('hello-42'));
    await calls.closeTerminal({ terminalId: id });
    expect(r.exit).toMatchObject({ reason: 'closed' });
  });

  it('tells the shell its size when opened and after a resize (stty size)', async () => {
    const { id, r } = await openShell(80, 24);
    await calls.writeTerminal({ terminalId: id, data: "echo size-$(stty size | tr ' ' x)\r" });
    await waitFor('size-24x80', () => r.tail.includes('size-24x80'));
    expect(await calls.resizeTerminal({ terminalId: id, cols: 132, rows: 43 })).toEqual({ resized: true });
    await calls.writeTerminal({ terminalId: id, data: "echo size-$(stty size | tr ' ' x)\r" });
    await waitFor('size-43x132', () => r.tail.includes('size-43x132'));
    expect((await calls.listTerminals({})).find((t) => t.terminalId === id)).toMatchObject({ cols: 132, rows: 43 });
    await calls.closeTerminal({ terminalId: id });
  });

  it('carries 200 MB of output with main-process memory bounded', async () => {
    const { id, r } = await openShell();
    const startBytes = r.bytes;
    const base = process.memoryUsage();
    let maxRss = base.rss;
    let maxHeap = base.heapUsed;
    let maxUnacked = 0;
    let pausedSeen = 0;
    const sampler = setInterval(() => {
      const m = process.memoryUsage();
      maxRss = Math.max(maxRss, m.rss);
      maxHeap = Math.max(maxHeap, m.heapUsed);
      void calls.listTerminals({}).then((list) => {
        const t = list.find((x) => x.terminalId === id);
        if (t?.paused) pausedSeen++;
        maxUnacked = Math.max(maxUnacked, t?.unackedBytes ?? 0);
      });
    }, 20);
    const started = performance.now();
    // 2,000,000 lines of 99 characters + newline = 200,000,000 bytes (the pty adds a \r per line).
    const line = '0123456789abcdefghijklmnopqrstuvwxyz'.repeat(3).slice(0, 99);
    await calls.writeTerminal({ terminalId: id, data: `yes ${line} | head -c 200000000; echo flood-$((40+2))\r` });
    await waitFor('the end of the flood', () => r.tail.includes('flood-42'), 110_000);
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    const received = r.bytes - startBytes;
    const rssGrowth = (maxRss - base.rss) / MB;
    const heapGrowth = (maxHeap - base.heapUsed) / MB;
    say(
      `200 MB flood: ${(received / 1e6).toFixed(1)} MB in ${seconds.toFixed(1)} s (${(received / 1e6 / seconds).toFixed(0)} MB/s), ` +
        `RSS +${rssGrowth.toFixed(1)} MiB, heap +${heapGrowth.toFixed(1)} MiB, max unacked ${(maxUnacked / 1024).toFixed(0)} KiB, ` +
        `paused in ${pausedSeen} samples, ${r.batches} batches`,
    );
    expect(received).toBeGreaterThanOrEqual(202_000_000);
    expect(rssGrowth).toBeLessThan(64);
    expect(heapGrowth).toBeLessThan(64);
    expect(maxUnacked).toBeLessThanOrEqual(HIGH_WATER_BYTES + PTY_READ_BYTES);
    expect(pausedSeen).toBeGreaterThan(0); // the renderer really was the bottleneck
    await calls.closeTerminal({ terminalId: id });
  }, 120_000);

  it('echoes a keystroke and stops the flood on Ctrl-C within 200 ms while output floods', async () => {
    const { id, r } = await openShell();
    await calls.writeTerminal({ terminalId: id, data: 'yes cd-flood-line\r' });
    // Saturated: megabytes through, and main holding the shell back for the renderer.
    await waitFor('a saturating flood', () => r.bytes > 20 * MB);
    await waitFor('flow control to pause the shell', () => pausedNow(id), 5000);
    const echoes: number[] = [];
    for (const key of ['Q', 'W', 'Z', 'K', 'J']) {
      const seen = new Promise<number>((resolve) => {
        r.onBatch = (batch, at) => {
          if (batch.data.includes(key)) resolve(at);
        };
      });
      const sent = performance.now();
      await calls.writeTerminal({ terminalId: id, data: key });
      echoes.push((await seen) - sent);
      await new Promise((res) => setTimeout(res, 50));
    }
    const prompt = new Promise<number>((resolve) => {
      r.onBatch = (batch, at) => {
        if (batch.data.includes(PROMPT)) resolve(at);
      };
    });
    const interrupted = performance.now();
    await calls.writeTerminal({ terminalId: id, data: '\x03' });
    const ctrlC = (await prompt) - interrupted;
    r.onBatch = undefined;
    say(`during the flood: keystroke echo ${echoes.map((ms) => ms.toFixed(0)).join(', ')} ms; Ctrl-C to prompt ${ctrlC.toFixed(0)} ms`);
    expect(Math.max(...echoes)).toBeLessThan(200);
    expect(ctrlC).toBeLessThan(200);
    // The flood really stopped: the shell answers, and nothing of `yes` follows the answer.
    await calls.writeTerminal({ terminalId: id, data: 'echo after-$((2+3))\r' });
    await waitFor('after-5', () => r.tail.includes('after-5'), 2000);
    await new Promise((res) => setTimeout(res, 100));
    expect(r.tail.slice(r.tail.indexOf('after-5'))).not.toContain('cd-flood-line');
    await calls.closeTerminal({ terminalId: id });
  }, 60_000);

  it('leaves no pty, process, file descriptor or handle behind after 300 open/close cycles', async () => {
    const children = childPids().length;
    const fds = openFds();
    const handles = process.getActiveResourcesInfo().length;
    const ids: string[] = [];
    const started = performance.now();
    for (let i = 0; i < 300; i++) {
      const { terminalId } = await calls.openLocalTerminal({ cols: 80, rows: 24 });
      ids.push(terminalId);
      const r = rendererOf(terminalId);
      if (i % 3 === 1) await waitFor('first output', () => r.bytes > 0);
      if (i % 3 === 2) {
        // Closed while flow control holds the shell: a renderer that never acks, and `yes` running.
        r.acking = false;
        await calls.writeTerminal({ terminalId, data: 'yes\r' });
        await waitFor('the shell to be paused', () => pausedNow(terminalId));
      }
      await calls.closeTerminal({ terminalId });
    }
    await waitFor('every shell to exit', () => childPids().length <= children, 10_000);
    await new Promise((res) => setTimeout(res, 300)); // node-pty's own 200 ms socket timeout
    const seconds = (performance.now() - started) / 1000;
    say(
      `300 cycles in ${seconds.toFixed(1)} s: children ${children} -> ${childPids().length}, fds ${fds} -> ${openFds()}, ` +
        `handles ${handles} -> ${process.getActiveResourcesInfo().length}`,
    );
    expect(await calls.listTerminals({})).toEqual([]);
    expect(ids.filter((id) => renderers.get(id)?.exit?.reason !== 'closed')).toEqual([]);
    expect(childPids()).toHaveLength(children);
    expect(openFds()).toBeLessThanOrEqual(fds + 2);
    expect(process.getActiveResourcesInfo().length).toBeLessThanOrEqual(handles + 2);
  }, 120_000);
});

// The last listTerminals answer, kept fresh by a poll (calls are async; conditions are not).
const pausedState = new Map<string, boolean>();
function pausedNow(id: string): boolean {
  void calls.listTerminals({}).then((list) => pausedState.set(id, list.find((t) => t.terminalId === id)?.paused ?? false));
  return pausedState.get(id) ?? false;
}
