/**
 * SSH engine vs OpenSSH on the same lab node, same run:
 * - time to the end of `true` (exit status back): a fresh connection each
 *   time (engine: new pool; ssh: new process), and on a warm connection
 *   (engine: pooled; ssh: ControlMaster multiplexing);
 * - throughput of `cat` of a 200 MB file (engine streams it; ssh to a pipe).
 * Prints medians and ratios (engine / ssh: below 1 means the engine is faster
 * for times, above 1 means faster for throughput). Brings the lab up if it is
 * down, and down again after. Bounded: fixed repetitions, timeouts on all.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SshEngine } from '../main/core/ssh/sshEngine';
import { resolveNodeTarget } from '../main/core/ssh/nodeTarget';
import type { ClusterExport } from '../common/contract/schemas/profiles';
import { labNode, type LabInfo } from '../test/lab/labInfo';
import { labSshEngine } from './labSshEngine';
import { onLab } from './onLab';

const NODE = 'bai-m1';
const ROUNDS = 20;
const BIG = '/tmp/cd-bench-200m.bin';
const BIG_BYTES = 200 * 1024 * 1024;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const ms = (x: number) => `${x.toFixed(1)} ms`;

function makeEngine(lab: LabInfo): SshEngine {
  const profile = lab.profile as ClusterExport;
  const node = profile.nodes.find((n) => n.name === NODE);
  if (!node) throw new Error(`${NODE} missing from the lab profile`);
  const target = resolveNodeTarget({ id: 'lab', ssh: profile.cluster.ssh, sudoMode: 'auto' }, { id: NODE, ...node });
  return labSshEngine(lab, () => target);
}

/** Runs ssh with the lab's key and a known_hosts of the lab's keys; resolves with bytes read and time. */
function runSsh(args: string[], timeoutMs = 120_000): Promise<{ ms: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn('ssh', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let bytes = 0;
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (bytes += c.length));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const t = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code) => {
      clearTimeout(t);
      if (code === 0) resolve({ ms: performance.now() - started, bytes });
      else reject(new Error(`ssh ${args.slice(-3).join(" ")} exited ${code}: ${stderr.trim()}`));
    });
  });
}

async function measure(lab: LabInfo): Promise<void> {
  const node = labNode(lab, NODE);
  const dir = mkdtempSync(join(tmpdir(), 'cd-bench-'));
  const knownHosts = join(dir, 'known_hosts');
  writeFileSync(knownHosts, lab.nodes.flatMap((n) => n.hostKeys.map((k) => `${n.host} ${k.type} ${k.publicKey}`)).join('\n') + '\n');
  const base = ['-i', lab.users.key.keyPath, '-o', 'BatchMode=yes', '-o', 'IdentitiesOnly=yes', '-o', `UserKnownHostsFile=${knownHosts}`, '-o', 'StrictHostKeyChecking=yes', '-o', 'LogLevel=ERROR'];
  const dest = `${lab.users.key.name}@${node.host}`;
  const mux = [...base, '-o', 'ControlMaster=auto', '-o', `ControlPath=${join(dir, 'cm')}`, '-o', 'ControlPersist=120'];

  const warm = makeEngine(lab);
  try {
    // Cold: a whole connection per `true`.
    const engineCold: number[] = [];
    const sshCold: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const e = makeEngine(lab);
      const t0 = performance.now();
      await e.exec(NODE, ['true']);
      engineCold.push(performance.now() - t0);
      await e.close();
      sshCold.push((await runSsh([...base, dest, 'true'])).ms);
    }
    // Warm: the connection already open.
    await warm.exec(NODE, ['true']);
    await runSsh([...mux, dest, 'true']);
    const engineWarm: number[] = [];
    const sshWarm: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const t0 = performance.now();
      await warm.exec(NODE, ['true']);
      engineWarm.push(performance.now() - t0);
      sshWarm.push((await runSsh([...mux, dest, 'true'])).ms);
    }

    // Throughput: 200 MB of random bytes made on the node once.
    const made = await warm.exec(NODE, ['sh', '-c', `[ -s ${BIG} ] || head -c ${BIG_BYTES} /dev/urandom > ${BIG}`], { timeoutMs: 120_000 });
    if (made.exitCode !== 0) throw new Error(`could not make ${BIG}: ${made.stderr}`);
    const engineMBs: number[] = [];
    const sshMBs: number[] = [];
    for (let i = 0; i < 3; i++) {
      let bytes = 0;
      const t0 = performance.now();
      await warm.exec(NODE, ['cat', BIG], { timeoutMs: 120_000, onStdout: (c) => (bytes += c.length) });
      const took = performance.now() - t0;
      if (bytes !== BIG_BYTES) throw new Error(`engine read ${bytes} bytes, expected ${BIG_BYTES}`);
      engineMBs.push(bytes / 1048576 / (took / 1000));
      const s = await runSsh([...mux, dest, 'cat', BIG]);
      if (s.bytes !== BIG_BYTES) throw new Error(`ssh read ${s.bytes} bytes, expected ${BIG_BYTES}`);
      sshMBs.push(s.bytes / 1048576 / (s.ms / 1000));
    }
    await warm.exec(NODE, ['rm', '-f', BIG]);

    const rows: Array<[string, string, string, string]> = [
      ['`true`, new connection (median)', ms(median(engineCold)), ms(median(sshCold)), (median(engineCold) / median(sshCold)).toFixed(2)],
      ['`true`, warm connection (median)', ms(median(engineWarm)), ms(median(sshWarm)), (median(engineWarm) / median(sshWarm)).toFixed(2)],
      ['`cat` 200 MB (median MB/s)', median(engineMBs).toFixed(1), median(sshMBs).toFixed(1), (median(engineMBs) / median(sshMBs)).toFixed(2)],
    ];
    console.log(`node ${NODE} (${node.host}), ${ROUNDS} rounds for \`true\`, 3 for \`cat\`; warm ssh = ControlMaster`);
    console.log(['measure', 'engine', 'OpenSSH ssh', 'ratio engine/ssh'].join(' | '));
    for (const r of rows) console.log(r.join(' | '));
  } finally {
    await warm.close();
    await runSsh([...mux, '-O', 'exit', dest], 10_000).catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
}

export const runBench = (): Promise<void> => onLab(measure);
