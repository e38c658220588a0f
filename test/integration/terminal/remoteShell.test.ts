/**
 * Shells on lab nodes through the whole terminal pipeline: calls -> pooled
 * ssh2 connection -> PTY channel -> session -> batcher -> flow control ->
 * events, with a renderer that writes at xterm.js speed and acks after each
 * write. Faults only on bai-a02, each undone in finally.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HIGH_WATER_BYTES } from '../../../main/core/terminal/flowControl';
import { cutOff, reconnect } from '../../lab/faults';
import { createLabTerminals, waitFor, type LabTerminals, type Renderer } from './labTerminals';

const MB = 1024 * 1024;
const PROMPT = 'cdprompt> ';
// Typed as 'cd''prompt> ' so the echo of the command itself never matches PROMPT.
const SET_PROMPT = `PS1='cd''prompt> '; unset PROMPT_COMMAND\r`;
/** What can arrive after pause(): ssh2 keeps reading up to the channel's 2 MiB window. */
const SSH_WINDOW_BYTES = 2 * MB;

let t: LabTerminals;
const say = (line: string) => process.stderr.write(`remote terminal: ${line}\n`);

beforeAll(() => {
  t = createLabTerminals();
});
afterAll(async () => {
  await t?.close();
});

async function openShell(node: string, cols = 80, rows = 24): Promise<{ id: string; r: Renderer }> {
  const { terminalId, title } = await t.calls.openRemoteTerminal({ nodeId: node, cols, rows });
  expect(title).toBe(`lab / ${node}`);
  const r = t.rendererOf(terminalId);
  await t.calls.writeTerminal({ terminalId, data: SET_PROMPT });
  await waitFor(`the prompt on ${node}`, () => r.tail.includes(PROMPT));
  return { id: terminalId, r };
}

const channelsTo = (node: string) => t.lab.engine.pool.connections().find((c) => c.nodeId === node);

describe('remote shells on lab nodes', () => {
  it('runs a command in a login shell with a PTY and shows its output', async () => {
    const { id, r } = await openShell('bai-m1');
    await t.calls.writeTerminal({ terminalId: id, data: 'echo "$(hostname) $TERM tty=$(tty | cut -c1-8)" hello-$((6*7))\r' });
    await waitFor('hello-42', () => r.tail.includes('bai-m1 xterm-256color tty=/dev/pts hello-42'));
    expect(channelsTo('bai-m1')).toMatchObject({ state: 'ready', channels: 1 });
    await t.calls.closeTerminal({ terminalId: id });
    expect(r.exit).toMatchObject({ reason: 'closed' });
    await waitFor('the channel slot to be free', () => channelsTo('bai-m1')?.channels === 0, 5000);
  });

  it('tells the shell its size when opened and after a resize (stty size)', async () => {
    const { id, r } = await openShell('bai-a01', 80, 24);
    await t.calls.writeTerminal({ terminalId: id, data: "echo size-$(stty size | tr ' ' x)\r" });
    await waitFor('size-24x80', () => r.tail.includes('size-24x80'));
    expect(await t.calls.resizeTerminal({ terminalId: id, cols: 132, rows: 43 })).toEqual({ resized: true });
    // The window-change request and the next line travel in order on the same channel.
    await t.calls.writeTerminal({ terminalId: id, data: "echo size-$(stty size | tr ' ' x)\r" });
    await waitFor('size-43x132', () => r.tail.includes('size-43x132'));
    await t.calls.closeTerminal({ terminalId: id });
  });

  it('keeps UTF-8 characters whole when reads split them', async () => {
    const { id, r } = await openShell('bai-m1');
    let text = '';
    r.onBatch = (batch) => (text += batch.data);
    // 3 and 4 byte characters in lines of odd length: reads of any size cut through characters.
    await t.calls.writeTerminal({ terminalId: id, data: "for i in $(seq 3000); do printf '%s\\n' \"é漢字✓😀-$i\"; done; echo utf-$((4*4))\r" });
    await waitFor('utf-16', () => r.tail.includes('utf-16'), 20_000);
    r.onBatch = undefined;
    expect(text).not.toContain('\uFFFD');
    expect(text.match(/é漢字✓😀-\d+/g)?.length).toBeGreaterThanOrEqual(3000);
    await t.calls.closeTerminal({ terminalId: id });
  });

  it('carries a 200 MB flood with memory bounded and echoes keystrokes within 200 ms meanwhile', { timeout: 180_000 }, async () => {
    const { id, r } = await openShell('bai-m1');
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
      void t.calls.listTerminals({}).then((list) => {
        const x = list.find((y) => y.terminalId === id);
        if (x?.paused) pausedSeen++;
        maxUnacked = Math.max(maxUnacked, x?.unackedBytes ?? 0);
      });
    }, 20);
    const started = performance.now();
    // 150,000,000 zero bytes as base64: 200,000,000 characters of 'A' in 76-column lines (the PTY adds a \r to each).
    await t.calls.writeTerminal({ terminalId: id, data: 'head -c 150000000 /dev/zero | base64; echo flood-$((40+2))\r' });
    await waitFor('a saturating flood', () => r.bytes - startBytes > 20 * MB, 30_000);
    await waitFor('flow control to pause the channel', () => pausedSeen > 0, 10_000);
    // Keystrokes while it floods: the PTY echoes each at once, behind what is already queued.
    const echoes: number[] = [];
    for (const key of ['q', 'w', 'z', 'k', 'j']) {
      const seen = new Promise<number>((resolve) => {
        r.onBatch = (batch, at) => {
          if (batch.data.includes(key)) resolve(at);
        };
      });
      const sent = performance.now();
      await t.calls.writeTerminal({ terminalId: id, data: key });
      echoes.push((await seen) - sent);
      await new Promise((res) => setTimeout(res, 100));
    }
    r.onBatch = undefined;
    // The typed letters end up as a command line after the flood; Ctrl-U drops it unseen.
    await t.calls.writeTerminal({ terminalId: id, data: '\x15' });
    await waitFor('the end of the flood', () => r.tail.includes('flood-42'), 150_000);
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    const received = r.bytes - startBytes;
    const rssGrowth = (maxRss - base.rss) / MB;
    const heapGrowth = (maxHeap - base.heapUsed) / MB;
    say(
      `200 MB flood: ${(received / 1e6).toFixed(1)} MB in ${seconds.toFixed(1)} s (${(received / 1e6 / seconds).toFixed(0)} MB/s), ` +
        `RSS +${rssGrowth.toFixed(1)} MiB, heap +${heapGrowth.toFixed(1)} MiB, max unacked ${(maxUnacked / 1024).toFixed(0)} KiB, ` +
        `paused in ${pausedSeen} samples, ${r.batches} batches; echo ms ${echoes.map((e) => e.toFixed(0)).join(' ')}`,
    );
    expect(received).toBeGreaterThanOrEqual(202_000_000);
    expect(rssGrowth).toBeLessThan(96);
    expect(heapGrowth).toBeLessThan(64);
    expect(maxUnacked).toBeLessThanOrEqual(HIGH_WATER_BYTES + SSH_WINDOW_BYTES);
    expect(Math.max(...echoes)).toBeLessThan(200);
    await t.calls.closeTerminal({ terminalId: id });
  });

  it('shows a cut-off node as lost with a message, and a reopened terminal works once it is back', { timeout: 60_000 }, async () => {
    const { id, r } = await openShell('bai-a02');
    try {
      await cutOff('bai-a02');
      await waitFor('the lost terminal', () => r.exit !== undefined, 15_000);
    } finally {
      await reconnect('bai-a02');
    }
    expect(r.exit).toMatchObject({ terminalId: id, reason: 'lost', message: expect.stringContaining('bai-a02 (192.0.2.22:22)') });
    expect(r.exit?.message).toMatch(/reconnect once the node is reachable/);
    expect((await t.calls.listTerminals({})).some((x) => x.terminalId === id)).toBe(false);
    // The tab's Reconnect: the same request again, a new terminal id.
    const again = await openShell('bai-a02');
    expect(again.id).not.toBe(id);
    await t.calls.writeTerminal({ terminalId: again.id, data: 'echo back-$((2+3))\r' });
    await waitFor('back-5', () => again.r.tail.includes('back-5'));
    await t.calls.closeTerminal({ terminalId: again.id });
  });

  it('leaves no channel, listener or handle behind after 300 open/close cycles', { timeout: 240_000 }, async () => {
    const warm = await openShell('bai-a01');
    await t.calls.closeTerminal({ terminalId: warm.id });
    await waitFor('a free slot', () => channelsTo('bai-a01')?.channels === 0, 5000);
    const lease = await t.lab.engine.pool.acquire(await t.lab.engine.lookupNode('bai-a01'), { interactive: false });
    const client = lease.chain.client;
    lease.release();
    const listenersOf = () => client.eventNames().reduce((n, e) => n + client.listenerCount(e), 0);
    const listenersBefore = listenersOf();
    const resourcesBefore = process.getActiveResourcesInfo().length;
    const started = Date.now();
    for (let i = 0; i < 300; i++) {
      const { terminalId } = await t.calls.openRemoteTerminal({ nodeId: 'bai-a01', cols: 80, rows: 24 });
      if (i % 50 === 0) {
        // Now and then prove the shell is really there before closing it.
        const r = t.rendererOf(terminalId);
        await t.calls.writeTerminal({ terminalId, data: `echo cycle-${i}-ok\r` });
        await waitFor(`cycle ${i}`, () => r.tail.includes(`cycle-${i}-ok\r\n`));
      }
      expect(await t.calls.closeTerminal({ terminalId })).toEqual({ closed: true });
    }
    await waitFor('every channel to close', () => channelsTo('bai-a01')?.channels === 0, 10_000);
    const elapsed = Date.now() - started;
    await new Promise((res) => setTimeout(res, 300));
    expect(await t.calls.listTerminals({})).toEqual([]);
    expect(channelsTo('bai-a01')).toMatchObject({ state: 'ready', channels: 0, queued: 0 });
    expect(listenersOf()).toBe(listenersBefore);
    expect(process.getActiveResourcesInfo().length).toBeLessThanOrEqual(resourcesBefore + 2);
    say(`300 open/close cycles: ${(elapsed / 1000).toFixed(1)} s (${(elapsed / 300).toFixed(0)} ms each); client listeners ${listenersBefore} -> ${listenersOf()}`);
  });
});
