/**
 * Status sweep of a 20-node cluster vs the shell loop an operator would
 * write, same run: 20 node entries pointing at the lab's three directly
 * reachable nodes in turn (7 x bai-m1 with 7 services, 13 agents with 2),
 * so the engine keeps 20 connections like a real 20-node cluster.
 * - ClusterDeck: one exec per node, all nodes at once (statusSweep.ts),
 *   on a new engine (connections included) and again on the warm one.
 * - OpenSSH: `for each node, for each service: ssh node systemctl is-active
 *   UNIT` (`docker ps -a --filter name=... --format {{.State}}` for the
 *   compose services, which systemctl does not know), one after another.
 * Both must find every service running, or the bench fails. Bounded: 3
 * rounds, every ssh with a timeout. Ratio = ClusterDeck / OpenSSH time.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ClusterExport } from '../common/contract/schemas/profiles';
import type { ServiceEntry } from '../common/contract/schemas/services';
import { sweepServices } from '../main/core/actions/status/nodeSweep';
import { resolveServices } from '../main/core/catalog/resolveServices';
import { quoteArgv } from '../main/core/ssh/quoteArgv';
import { resolveNodeTarget, type NodeTarget } from '../main/core/ssh/nodeTarget';
import type { SshEngine } from '../main/core/ssh/sshEngine';
import { type LabInfo } from '../test/lab/labInfo';
import { labSshEngine } from './labSshEngine';
import { onLab } from './onLab';

const NODE_COUNT = 20;
const ROUNDS = 3;
const LAB_NODES = ['bai-m1', 'bai-a01', 'bai-a02'];

interface BenchNode {
  id: string;
  host: string;
  target: NodeTarget;
  services: ServiceEntry[];
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

function benchNodes(lab: LabInfo): BenchNode[] {
  const profile = lab.profile as ClusterExport;
  const cluster = { id: 'bench', ssh: profile.cluster.ssh, sudoMode: profile.cluster.sudoMode };
  const settings = { halfstackDir: profile.cluster.halfstackDir, composeProject: profile.cluster.composeProject };
  return Array.from({ length: NODE_COUNT }, (_, i) => {
    const labName = LAB_NODES[i % LAB_NODES.length] ?? 'bai-m1';
    const node = profile.nodes.find((n) => n.name === labName);
    if (!node) throw new Error(`${labName} is missing from the lab profile`);
    const id = `n${String(i + 1).padStart(2, '0')}-${labName}`;
    const target = resolveNodeTarget(cluster, { id, name: id, host: node.host, port: node.port, ssh: node.ssh });
    return { id, host: node.host, target, services: resolveServices(settings, { id, roles: node.roles }, []) };
  });
}

function makeEngine(lab: LabInfo, nodes: readonly BenchNode[]): SshEngine {
  const byId = new Map(nodes.map((n) => [n.id, n.target]));
  return labSshEngine(lab, (id) => {
    const t = byId.get(id);
    if (!t) throw new Error(`bench node ${id} unknown`);
    return t;
  });
}

async function sweepAll(engine: SshEngine, nodes: readonly BenchNode[]): Promise<number> {
  const t0 = performance.now();
  const results = await Promise.all(nodes.map((n) => sweepServices({ engine, now: () => new Date() }, n.id, n.services, false)));
  const took = performance.now() - t0;
  const notRunning = results.flatMap((r, i) => r.sweep.statuses.filter((s) => s.state !== 'running').map((s) => `${nodes[i]?.id}/${s.serviceId}: ${s.state} ${s.detail}`));
  if (notRunning.length) throw new Error(`the sweep did not find everything running: ${notRunning.slice(0, 3).join('; ')}`);
  return took;
}

/** The loop as a person writes it: one ssh per service, one after another. */
function shellLoop(nodes: readonly BenchNode[], sshBase: string, user: string): { script: string; checks: number } {
  const lines = ['set -e', 'n=0'];
  for (const node of nodes) {
    for (const s of node.services) {
      const remote =
        s.kind === 'systemd'
          ? quoteArgv(['systemctl', 'is-active', s.unit])
          : quoteArgv(['docker', 'ps', '-a', '--filter', `name=^${s.containerPatterns[0] ?? s.id}$`, '--format', '{{.State}}']);
      lines.push(`out=$(timeout 30 ssh ${sshBase} ${user}@${node.host} ${quoteArgv([remote])}); case $out in active|running) n=$((n+1));; *) echo "${node.id} ${s.id}: $out" >&2;; esac`);
    }
  }
  lines.push('echo "$n"');
  return { script: `${lines.join('\n')}\n`, checks: nodes.reduce((sum, n) => sum + n.services.length, 0) };
}

function runShell(script: string, timeoutMs = 300_000): Promise<{ ms: number; stdout: string }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn('bash', ['-c', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve({ ms: performance.now() - t0, stdout });
      else reject(new Error(`the ssh loop failed (exit ${code}): ${stderr.trim().slice(0, 500)}`));
    });
  });
}

async function measure(lab: LabInfo): Promise<void> {
  const nodes = benchNodes(lab);
  const dir = mkdtempSync(join(tmpdir(), 'cd-bench-sweep-'));
  const knownHosts = join(dir, 'known_hosts');
  writeFileSync(knownHosts, lab.nodes.flatMap((n) => n.hostKeys.map((k) => `${n.host} ${k.type} ${k.publicKey}`)).join('\n') + '\n');
  const sshBase = quoteArgv(['-i', lab.users.key.keyPath, '-o', 'BatchMode=yes', '-o', 'IdentitiesOnly=yes', '-o', `UserKnownHostsFile=${knownHosts}`, '-o', 'StrictHostKeyChecking=yes', '-o', 'LogLevel=ERROR']);
  const loop = shellLoop(nodes, sshBase, lab.users.key.name);
  const cold: number[] = [];
  const warm: number[] = [];
  const ssh: number[] = [];
  try {
    for (let round = 0; round < ROUNDS; round++) {
      const engine = makeEngine(lab, nodes);
      try {
        cold.push(await sweepAll(engine, nodes));
        warm.push(await sweepAll(engine, nodes));
      } finally {
        await engine.close();
      }
      const s = await runShell(loop.script);
      if (Number(s.stdout.trim()) !== loop.checks) throw new Error(`the ssh loop found ${s.stdout.trim()} of ${loop.checks} services running`);
      ssh.push(s.ms);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`${NODE_COUNT} nodes (${LAB_NODES.join(', ')} in turn), ${loop.checks} services, ${ROUNDS} rounds, medians`);
  console.log(['measure', 'time', 'ratio ClusterDeck / ssh loop'].join(' | '));
  console.log(['ssh loop: `ssh node systemctl is-active UNIT` per service', secs(median(ssh)), '1.00'].join(' | '));
  console.log(['ClusterDeck sweep, new connections', secs(median(cold)), (median(cold) / median(ssh)).toFixed(3)].join(' | '));
  console.log(['ClusterDeck sweep, warm connections', secs(median(warm)), (median(warm) / median(ssh)).toFixed(3)].join(' | '));
}

export const runBench = (): Promise<void> => onLab(measure);
