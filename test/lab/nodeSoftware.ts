/**
 * Brings each node's simulated Backend.AI software up and down by calling the
 * node tools' own entry points (test/lab/node-tools/README.md): lab-node-init
 * --roles ... and lab-node-teardown, run as root on the node. Their output goes
 * to .lab/nodes/<node>/node-init.log so a failed up can say where to look.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { type LabNodeSpec, nodeDirs, nodeToolsBin } from './labLayout';
import { nodeArgv, nodeEnv } from './nodeExec';

/** Runs argv on the node with stdout and stderr going to files; resolves with the exit code. */
function runLogged(node: string, argv: string[], files: { out: string; err: string }, timeoutMs: number): Promise<number> {
  fs.mkdirSync(path.dirname(files.err), { recursive: true });
  // Fresh files per run, so a failure quotes this run's lines only.
  const errFd = fs.openSync(files.err, 'w');
  const outFd = files.out === files.err ? errFd : fs.openSync(files.out, 'w');
  const [file, ...args] = nodeArgv(node, argv);
  return new Promise((resolve, reject) => {
    // Files, not pipes: servers the tool starts must not hold our pipe open after it exits.
    const child = spawn(file ?? 'ip', args, { stdio: ['ignore', outFd, errFd], env: nodeEnv() });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    const finish = () => {
      clearTimeout(timer);
      if (outFd !== errFd) fs.closeSync(outFd);
      fs.closeSync(errFd);
    };
    child.once('error', (err) => {
      finish();
      reject(err);
    });
    child.once('exit', (code, signal) => {
      finish();
      resolve(signal ? 128 : (code ?? 1));
    });
  });
}

/** What lab-node-init --json reports about the node it set up. */
export interface NodeInitSummary {
  node: string;
  halfstackDir: string | null;
  managerDir: string | null;
  binDir: string;
  units: Record<string, string>;
  containers: Record<string, string>;
}

function readSummary(file: string): NodeInitSummary | null {
  const lines = fs.readFileSync(file, 'utf8').trim().split('\n');
  try {
    return JSON.parse(lines[lines.length - 1] ?? '') as NodeInitSummary;
  } catch {
    return null;
  }
}

function tail(file: string, lines: number): string {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

function logFiles(node: string) {
  const root = nodeDirs(node).root;
  return { out: path.join(root, 'node-init.json'), err: path.join(root, 'node-init.log') };
}

/** Nodes with no Backend.AI role (the jump host) get no node software and return null. */
export async function initNodeSoftware(spec: LabNodeSpec): Promise<NodeInitSummary | null> {
  if (spec.roles.length === 0) return null;
  const files = logFiles(spec.name);
  const tool = path.join(nodeToolsBin, 'lab-node-init');
  const code = await runLogged(spec.name, [tool, '--roles', spec.roles.join(','), '--json'], files, 55_000);
  if (code !== 0) {
    throw new Error(
      `lab-node-init failed on ${spec.name} (exit ${code}). Last lines of ${files.err}:\n${tail(files.err, 15)}\n${tail(files.out, 5)}`,
    );
  }
  const summary = readSummary(files.out);
  if (summary && summary.binDir !== nodeDirs(spec.name).bin) {
    throw new Error(
      `lab-node-init on ${spec.name} put the node's tools in ${summary.binDir}, but sshd and sudo were set up ` +
        `for ${nodeDirs(spec.name).bin} (test/lab/labLayout.ts nodeDirs). Make the two agree.`,
    );
  }
  return summary;
}

/** Best effort: `down` kills whatever is left in the namespace afterwards anyway. */
export async function teardownNodeSoftware(spec: LabNodeSpec): Promise<void> {
  if (spec.roles.length === 0) return;
  const tool = path.join(nodeToolsBin, 'lab-node-teardown');
  if (!fs.existsSync(tool)) return;
  const log = path.join(nodeDirs(spec.name).root, 'node-teardown.log');
  await runLogged(spec.name, [tool], { out: log, err: log }, 20_000);
}
