/**
 * The log viewer under a flood, same lab node, same run:
 * 1. lines/s of a unit's journal followed through ClusterDeck (openLogs over
 *    the web form's WebSocket, parsed and batched) vs OpenSSH's own
 *    `ssh node journalctl -f` piped into a counter: the ratio is ours/theirs;
 * 2. frame time in Chromium with the log view following: at the lab's
 *    default 2 lines/s (the baseline) and at 5,000 lines/s.
 * Bounded: each phase runs FOLLOW_MS; the unit's rate is put back after.
 * Reuses a running lab, else brings it up and down.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { ClusterWithNodes } from '../common/contract/schemas/profiles';
import { launchChromium } from '../test/e2e/support/chromium';
import { ensureWebFormBuilt, startWebForm } from '../test/e2e/support/webFormProcess';
import { nodeToolsBin } from '../test/lab/labLayout';
import { labNode, type LabInfo } from '../test/lab/labInfo';
import { mustRunOnNode } from '../test/lab/nodeExec';
import { connectRpc } from './webFormRpc';
import { onLab } from './onLab';

const NODE = 'bai-m1';
const SERVICE = 'manager';
const UNIT = 'backendai-manager.service';
const FLOOD_RATE = 5_000;
const FOLLOW_MS = 8_000;
/** Bound of the 100,000-line load phase. */
const LOAD_MS = 30_000;

async function setLogRate(rate: number | 'default'): Promise<void> {
  await mustRunOnNode(NODE, [join(nodeToolsBin, 'lab-unit-log-rate'), '--node', NODE, UNIT, String(rate)]);
  // The unit picks the new rate up within a second.
  await new Promise((r) => setTimeout(r, 1_200));
}

/** `ssh node journalctl -f` into a line counter for `ms`; lines per second. */
function opensshLinesPerSecond(args: string[], ms: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn('ssh', [...args, 'journalctl', '--output', 'short-iso', '-u', UNIT, '-n', '0', '-f', '--no-pager'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let lines = 0;
    let started = 0;
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => {
      if (started === 0) started = performance.now();
      for (const b of c) if (b === 10) lines += 1;
    });
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const stop = setTimeout(() => child.kill('SIGTERM'), ms);
    child.on('close', () => {
      clearTimeout(stop);
      const seconds = started ? (performance.now() - started) / 1000 : 0;
      if (seconds <= 0) reject(new Error(`ssh journalctl -f gave no output: ${stderr.trim()}`));
      else resolve(lines / seconds);
    });
  });
}

/** `ssh node ARGV` with its output thrown away; resolves when it ends. */
function opensshRead(args: string[], argv: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('ssh', [...args, ...argv], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const stop = setTimeout(() => child.kill('SIGKILL'), LOAD_MS * 2);
    child.on('close', (code) => {
      clearTimeout(stop);
      if (code === 0) resolve();
      else reject(new Error(`ssh ${argv.join(' ')} exited ${code}: ${stderr.trim()}`));
    });
  });
}

/**
 * Frame intervals (ms) of the page for `ms`, measured with requestAnimationFrame inside it.
 * A string, not a function: tsx's esbuild wraps named functions in a __name helper the page lacks.
 */
function frameTimes(page: Page, ms: number): Promise<number[]> {
  return page.evaluate(`new Promise((resolve) => {
    const deltas = [];
    let last = performance.now();
    const end = last + ${Math.round(ms)};
    const step = (t) => {
      deltas.push(t - last);
      last = t;
      if (t < end) requestAnimationFrame(step);
      else resolve(deltas);
    };
    requestAnimationFrame(step);
  })`) as Promise<number[]>;
}

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))] ?? NaN;
const describeFrames = (xs: number[]) =>
  `median ${pct(xs, 50).toFixed(1)} ms, p95 ${pct(xs, 95).toFixed(1)} ms, max ${Math.max(...xs).toFixed(1)} ms, ${xs.filter((x) => x > 50).length}/${xs.length} frames over 50 ms`;

async function lineCount(page: Page): Promise<number> {
  const text = (await page.getByLabel('Line count').textContent()) ?? '0';
  return Number(text.replace(/ .*$/, '').replace(/,/g, '')) || 0;
}

async function measure(lab: LabInfo): Promise<void> {
  ensureWebFormBuilt();
  const node = labNode(lab, NODE);
  const dir = mkdtempSync(join(tmpdir(), 'cd-bench-logs-'));
  const home = join(dir, 'home');
  mkdirSync(join(home, '.ssh'), { recursive: true, mode: 0o700 });
  const knownHosts = join(home, '.ssh', 'known_hosts');
  writeFileSync(knownHosts, lab.nodes.flatMap((n) => n.hostKeys.map((k) => `${n.host} ${k.type} ${k.publicKey}`)).join('\n') + '\n');
  const web = await startWebForm(join(dir, 'data'), { homeDir: home });
  const ssh = ['-i', lab.users.key.keyPath, '-o', 'BatchMode=yes', '-o', 'IdentitiesOnly=yes', '-o', `UserKnownHostsFile=${knownHosts}`, '-o', 'StrictHostKeyChecking=yes', '-o', 'LogLevel=ERROR', `${lab.users.key.name}@${node.host}`];
  const rpc = await connectRpc(web.url, web.origin);
  const browser = await launchChromium();
  try {
    const cluster = (await rpc.call('importCluster', { json: JSON.stringify(lab.profile) })) as ClusterWithNodes;
    const nodeId = cluster.nodes.find((n) => n.name === NODE)?.id ?? '';

    await setLogRate(FLOOD_RATE);
    const theirs = await opensshLinesPerSecond(ssh, FOLLOW_MS);
    let lines = 0;
    let first = 0;
    const streamId = 'bench-logs';
    rpc.onEvent((event, p) => {
      if (event !== 'logs.batch' || p.streamId !== streamId) return;
      if (first === 0) first = performance.now();
      // PackedLogLine: the continuation is the last field.
      for (const e of p.lines as unknown[][]) lines += 1 + ((e[e.length - 1] as unknown[] | undefined)?.length ?? 0);
    });
    await rpc.call('openLogs', { streamId, clusterId: cluster.id, nodeIds: [nodeId], serviceId: SERVICE, lastN: 1, follow: true });
    await new Promise((r) => setTimeout(r, FOLLOW_MS));
    await rpc.call('closeLogs', { streamId });
    const ours = first ? lines / ((performance.now() - first) / 1000) : 0;
    console.log(`journal follow at ${FLOOD_RATE} lines/s for ${FOLLOW_MS / 1000} s on ${NODE}`);
    console.log(`  OpenSSH ssh journalctl -f | count : ${theirs.toFixed(0)} lines/s`);
    console.log(`  ClusterDeck openLogs (parsed)     : ${ours.toFixed(0)} lines/s`);
    console.log(`  ratio ClusterDeck/OpenSSH         : ${(ours / theirs).toFixed(2)}`);

    await setLogRate('default');
    const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
    await page.goto(web.url);
    const row = page.getByRole('treeitem', { name: `Node ${NODE}` });
    await row.click();
    const rowId = (await row.getAttribute('data-row-id')) ?? '';
    if ((await row.getAttribute('aria-expanded')) === 'false') await row.locator('.tree-twisty').click();
    await page.locator(`[data-row-id="service:${rowId.slice('node:'.length)}:${SERVICE}"]`).click();
    await page.getByRole('toolbar', { name: /^Logs of / }).getByRole('button', { name: 'Open logs' }).click();
    await page.locator('.log-node-states li[data-state="running"]').waitFor({ timeout: 30_000 });
    const baseline = await frameTimes(page, FOLLOW_MS / 2);
    await setLogRate(FLOOD_RATE);
    const before = await lineCount(page);
    const t0 = performance.now();
    const flood = await frameTimes(page, FOLLOW_MS);
    const shown = (await lineCount(page)) - before;
    const seconds = (performance.now() - t0) / 1000;
    console.log(`Chromium frame time, log view following ${NODE}'s ${UNIT}`);
    console.log(`  baseline (lab's default ~2 lines/s): ${describeFrames(baseline)}`);
    console.log(`  flood (${FLOOD_RATE} lines/s)          : ${describeFrames(flood)}`);
    console.log(`  entries added to the view: ${(shown / seconds).toFixed(0)}/s (grouped: a traceback is one entry; the buffer holds the last 200,000)`);
    console.log(`  ratio flood/baseline median frame: ${(pct(flood, 50) / pct(baseline, 50)).toFixed(2)}`);

    // Loading a long history at once: the journal now holds the floods' lines.
    await setLogRate('default');
    const loadStarted = performance.now();
    await page.getByLabel('Last lines').selectOption('100000');
    const loadFrames = frameTimes(page, LOAD_MS);
    // Loaded once the count grows only at the unit's own ~2 lines/s: under 50 more in the last second.
    const samples: { at: number; n: number }[] = [];
    let loadSeconds = NaN;
    let loaded = 0;
    while (performance.now() - loadStarted < LOAD_MS) {
      loaded = await lineCount(page);
      const at = performance.now();
      samples.push({ at, n: loaded });
      const secondAgo = samples.find((x) => x.at >= at - 1_000);
      if (loaded > 1_000 && secondAgo && at - (samples[0]?.at ?? at) > 1_000 && loaded - secondAgo.n < 50) {
        loadSeconds = ((samples.find((x) => x.n >= loaded - 50)?.at ?? at) - loadStarted) / 1000;
        break;
      }
      await page.waitForTimeout(100);
    }
    const sshLoadStarted = performance.now();
    await opensshRead(ssh, ['journalctl', '--output', 'short-iso', '-u', UNIT, '-n', '100000', '--no-pager']);
    const sshLoadSeconds = (performance.now() - sshLoadStarted) / 1000;
    // The same read through core alone (WebSocket, no browser), to tell where the time goes.
    const coreLoadStarted = performance.now();
    const loadId = 'bench-load';
    const loadedByCore = new Promise<void>((resolve) =>
      rpc.onEvent((event, p) => {
        if (event === 'logs.state' && p.streamId === loadId && (p.state === 'ended' || p.state === 'failed')) resolve();
      }),
    );
    await rpc.call('openLogs', { streamId: loadId, clusterId: cluster.id, nodeIds: [nodeId], serviceId: SERVICE, lastN: 100_000, follow: false });
    await Promise.race([loadedByCore, new Promise((r) => setTimeout(r, LOAD_MS * 2))]);
    const coreLoadSeconds = (performance.now() - coreLoadStarted) / 1000;
    console.log(`Loading the last 100,000 journal lines`);
    console.log(`  OpenSSH ssh journalctl -n 100000 > /dev/null: ${sshLoadSeconds.toFixed(1)} s`);
    console.log(`  ClusterDeck openLogs, parsed, over the WebSocket (no browser): ${coreLoadSeconds.toFixed(1)} s (ratio to OpenSSH ${(coreLoadSeconds / sshLoadSeconds).toFixed(2)})`);
    console.log(`  ClusterDeck in Chromium: ${loaded.toLocaleString()} entries shown after ${Number.isNaN(loadSeconds) ? `more than ${LOAD_MS / 1000}` : loadSeconds.toFixed(1)} s (ratio to OpenSSH ${(loadSeconds / sshLoadSeconds).toFixed(2)}); frames over the ${LOAD_MS / 1000} s window: ${describeFrames(await loadFrames)}`);
  } finally {
    await setLogRate('default').catch(() => undefined);
    await browser.close();
    rpc.close();
    await web.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

export const runBench = (): Promise<void> => onLab(measure);
