/**
 * Terminal output path vs OpenSSH on the same lab node, same run: time to
 * push a 200 MB text file through `cat` in a terminal, ssh -> main -> the web
 * form's WebSocket -> (a) a Node WebSocket client that acknowledges every
 * batch at once, as the renderer does in xterm's write callback (ClusterDeck's
 * pipeline alone), and (b) xterm.js in Chromium (terminalInChromium.ts), against
 * `ssh -tt node cat FILE > /dev/null` (OpenSSH, multiplexed so both run on a
 * warm connection). Also the keystroke echo during the flood, in client (a) and
 * in Chromium (terminalEchoInChromium.ts), with the output queued ahead of it.
 * Bounded: 3 + 2 rounds, every step with a timeout. Reuses a running lab, else brings it up and down.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ClusterWithNodes } from '../common/contract/schemas/profiles';
import { startWebForm, ensureWebFormBuilt } from '../test/e2e/support/webFormProcess';
import { labNode, type LabInfo } from '../test/lab/labInfo';
import { floodInChromium } from './terminalInChromium';
import { connectRpc } from './webFormRpc';
import { onLab } from './onLab';

const NODE = 'bai-m1';
const ROUNDS = 3;
const CHROMIUM_ROUNDS = 2;
// 150 MB of random bytes as base64: ~202 MB of printable text in 76-column lines (CD_BENCH_TERMINAL_MB for a quick run).
const RAW_MB = Number(process.env.CD_BENCH_TERMINAL_MB ?? 150);
const FILE = `/tmp/cd-bench-terminal-${RAW_MB}m.txt`;
const MAKE_FILE = `[ -s ${FILE} ] || head -c ${RAW_MB * 1_000_000} /dev/urandom | base64 > ${FILE}`;
/**
 * xterm.js in this machine's Chromium parses a few MB/s (CPU-only, shared
 * cores), so the browser leg cats a smaller file: 6 MB raw, ~8 MB of text.
 */
const CHROMIUM_RAW_MB = Number(process.env.CD_BENCH_TERMINAL_CHROMIUM_MB ?? 6);
const CHROMIUM_FILE = `/tmp/cd-bench-terminal-${CHROMIUM_RAW_MB}m.txt`;
const base64Bytes = (rawMb: number) => Math.ceil((rawMb * 1_000_000) / 3) * 4 * (77 / 76);
const STEP_TIMEOUT_MS = 180_000;

function runSsh(args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn('ssh', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const t = setTimeout(() => child.kill('SIGKILL'), STEP_TIMEOUT_MS);
    child.on('close', (code) => {
      clearTimeout(t);
      if (code === 0) resolve(performance.now() - started);
      else reject(new Error(`ssh ${args.slice(-3).join(' ')} exited ${code}: ${stderr.trim()}`));
    });
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))] ?? NaN;
const spread = (xs: number[], unit = ' ms') =>
  `median ${median(xs).toFixed(0)}${unit}, p90 ${quantile(xs, 0.9).toFixed(0)}${unit}, worst ${Math.max(...xs).toFixed(0)}${unit}`;

async function measure(lab: LabInfo): Promise<void> {
  ensureWebFormBuilt();
  const node = labNode(lab, NODE);
  const dir = mkdtempSync(join(tmpdir(), 'cd-bench-term-'));
  const home = join(dir, 'home');
  mkdirSync(join(home, '.ssh'), { recursive: true, mode: 0o700 });
  const knownHosts = join(home, '.ssh', 'known_hosts');
  writeFileSync(knownHosts, lab.nodes.flatMap((n) => n.hostKeys.map((k) => `${n.host} ${k.type} ${k.publicKey}`)).join('\n') + '\n');
  const web = await startWebForm(join(dir, 'data'), { homeDir: home });
  const dest = `${lab.users.key.name}@${node.host}`;
  const mux = ['-i', lab.users.key.keyPath, '-o', 'BatchMode=yes', '-o', 'IdentitiesOnly=yes', '-o', `UserKnownHostsFile=${knownHosts}`, '-o', 'StrictHostKeyChecking=yes', '-o', 'LogLevel=ERROR', '-o', 'ControlMaster=auto', '-o', `ControlPath=${join(dir, 'cm')}`, '-o', 'ControlPersist=120'];
  const rpc = await connectRpc(web.url, web.origin);
  try {
    const cluster = (await rpc.call('importCluster', { json: JSON.stringify(lab.profile) })) as ClusterWithNodes;
    const nodeId = cluster.nodes.find((n) => n.name === NODE)?.id ?? '';
    const { terminalId } = (await rpc.call('openRemoteTerminal', { nodeId, cols: 120, rows: 40 })) as { terminalId: string };
    let tail = '';
    let bytes = 0;
    let echoSentAt: number | null = null;
    const echoes: number[] = [];
    const aheads: number[] = [];
    let bytesAtSend = 0;
    rpc.onEvent((event, p) => {
      if (event !== 'terminal.data' || p.terminalId !== terminalId) return;
      const data = String(p.data);
      bytes += Number(p.bytes);
      tail = (tail + data).slice(-4096);
      if (echoSentAt !== null && data.includes('!')) {
        echoes.push(performance.now() - echoSentAt);
        aheads.push(bytes - bytesAtSend);
        echoSentAt = null;
      }
      // What the renderer does in xterm's write callback.
      void rpc.call('ackTerminal', { terminalId, bytes: p.bytes });
    });
    const untilSeen = async (marker: string) => {
      const started = Date.now();
      while (!tail.includes(marker)) {
        if (Date.now() - started > STEP_TIMEOUT_MS) throw new Error(`no "${marker}" within ${STEP_TIMEOUT_MS} ms`);
        await new Promise((r) => setTimeout(r, 2));
      }
    };
    const makeSmall = `[ -s ${CHROMIUM_FILE} ] || head -c ${CHROMIUM_RAW_MB * 1_000_000} /dev/urandom | base64 > ${CHROMIUM_FILE}`;
    await rpc.call('writeTerminal', { terminalId, data: `${MAKE_FILE}; ${makeSmall}; echo made-$((1+1))\r` });
    await untilSeen('made-2');
    await runSsh([...mux, dest, 'true']); // opens the shared OpenSSH connection

    const ours: number[] = [];
    const theirs: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const before = bytes;
      const t0 = performance.now();
      await rpc.call('writeTerminal', { terminalId, data: `cat ${FILE}; echo end-${round}-$((40+2))\r` });
      // A keystroke every 250 ms while it floods ('!' is not in base64), the next once the last one showed.
      const typing = setInterval(() => {
        if (echoSentAt !== null) return;
        echoSentAt = performance.now();
        bytesAtSend = bytes;
        void rpc.call('writeTerminal', { terminalId, data: '!' });
      }, 250);
      await untilSeen(`end-${round}-42`).finally(() => clearInterval(typing));
      ours.push(performance.now() - t0);
      // The typed '!'s wait as a command line: Ctrl-U drops it.
      await rpc.call('writeTerminal', { terminalId, data: '\x15' });
      echoSentAt = null;
      const mb = (bytes - before) / 1e6;
      theirs.push(await runSsh([...mux, '-tt', dest, 'cat', FILE]));
      console.log(`round ${round + 1}: ClusterDeck ${(ours[round]! / 1000).toFixed(2)} s for ${mb.toFixed(1)} MB; OpenSSH ssh -tt ${(theirs[round]! / 1000).toFixed(2)} s`);
    }
    await rpc.call('closeTerminal', { terminalId });
    const chromium = await floodInChromium(web.url, NODE, CHROMIUM_FILE, base64Bytes(CHROMIUM_RAW_MB), CHROMIUM_ROUNDS, process.env.CD_BENCH_WEBGL === '1');
    const sshSmall: number[] = [];
    for (let round = 0; round < CHROMIUM_ROUNDS; round++) sshSmall.push(await runSsh([...mux, '-tt', dest, 'cat', CHROMIUM_FILE]));
    const mb = (raw: number) => `${(base64Bytes(raw) / 1e6).toFixed(0)} MB`;
    const o = median(ours) / 1000;
    const t = median(theirs) / 1000;
    const c = median(chromium.seconds);
    const ts = median(sshSmall) / 1000;
    console.log(`node ${NODE} (${node.host}); medians of ${ROUNDS} rounds (${CHROMIUM_ROUNDS} in Chromium); OpenSSH: ssh -tt node cat FILE > /dev/null on a ControlMaster connection`);
    console.log('measure | ClusterDeck | OpenSSH ssh -tt | ratio ClusterDeck/ssh');
    console.log(`cat ${mb(RAW_MB)} in a PTY -> main -> WebSocket -> Node client acking each batch | ${o.toFixed(2)} s | ${t.toFixed(2)} s | ${(o / t).toFixed(2)}`);
    console.log(`cat ${mb(CHROMIUM_RAW_MB)} in a PTY -> main -> WebSocket -> xterm.js in Chromium (${chromium.renderer} renderer) | ${c.toFixed(2)} s | ${ts.toFixed(2)} s | ${(c / ts).toFixed(2)}`);
    console.log(
      `xterm.js alone in the same Chromium, same ${mb(CHROMIUM_RAW_MB)}: ${chromium.xtermAloneSeconds.toFixed(2)} s ` +
        `(${(base64Bytes(CHROMIUM_RAW_MB) / 1e6 / chromium.xtermAloneSeconds).toFixed(1)} MB/s); ClusterDeck in Chromium / xterm alone = ${(c / chromium.xtermAloneSeconds).toFixed(2)}`,
    );
    console.log(`keystroke echo during the flood, Node client (${echoes.length} keys): ${spread(echoes)}; output queued ahead of the echo: ${spread(aheads.map((b) => b / 1024), ' KiB')}`);
    const inChromium = chromium.echoes;
    console.log(
      `keystroke echo during the flood in Chromium (${inChromium.length} keys): parsed by xterm ${spread(inChromium.map((e) => e.parsedMs))}; ` +
        `received by the page ${spread(inChromium.map((e) => e.arrivedMs))}; queued ahead ${spread(inChromium.map((e) => e.aheadBytes / 1024), ' KiB')}`,
    );
  } finally {
    rpc.close();
    // Also after a failed round: the files are 200 MB on a disk others use.
    await runSsh([...mux, dest, 'rm', '-f', FILE, CHROMIUM_FILE]).catch(() => undefined);
    await runSsh([...mux, '-O', 'exit', dest]).catch(() => undefined);
    await web.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

export const runBench = (): Promise<void> => onLab(measure);
