/**
 * Starts and stops one node's sshd. sshd daemonises itself inside the node's
 * netns + UTS namespace and writes its PidFile under .lab; stopping it ends the
 * listener only, so open sessions live on, as with `systemctl stop ssh`.
 */
import fs from 'node:fs';
import { connect } from 'node:net';
import { nodeAddress, nodeDirs, nodeSpec } from './labLayout';
import { mustRunOnNode } from './nodeExec';
import { sshdBinary } from './sshdConfig';

export function readSshdPid(node: string): number | null {
  try {
    const pid = Number(fs.readFileSync(nodeDirs(node).sshdPid, 'utf8').trim());
    return Number.isInteger(pid) && pid > 1 ? pid : null;
  } catch {
    return null;
  }
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export function isSshdRunning(node: string): boolean {
  const pid = readSshdPid(node);
  return pid !== null && isProcessAlive(pid);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** True once something accepts TCP on host:22 (sshd is ready for clients). Only for directly reachable nodes. */
function acceptsTcp(host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port: 22, timeout: 500 });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
    socket.once('timeout', () => done(false));
  });
}

export async function startSshdProcess(node: string): Promise<void> {
  if (isSshdRunning(node)) return;
  const dirs = nodeDirs(node);
  fs.rmSync(dirs.sshdPid, { force: true });
  // -t first: a config error then names the line instead of a silent exit.
  await mustRunOnNode(node, [sshdBinary, '-t', '-f', dirs.sshdConfig]);
  await mustRunOnNode(node, [sshdBinary, '-f', dirs.sshdConfig, '-E', dirs.sshdLog]);
  const spec = nodeSpec(node);
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (isSshdRunning(node) && (!spec.reachableDirectly || (await acceptsTcp(nodeAddress(spec))))) return;
    await sleep(50);
  }
  throw new Error(`sshd on lab node ${node} did not start within 10 s. See ${dirs.sshdLog}.`);
}

export async function stopSshdProcess(node: string): Promise<void> {
  const pid = readSshdPid(node);
  if (pid === null) return;
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    // Already gone.
  }
  const deadline = Date.now() + 5_000;
  while (isProcessAlive(pid) && Date.now() < deadline) await sleep(25);
  if (isProcessAlive(pid)) process.kill(pid, 'SIGKILL');
  fs.rmSync(nodeDirs(node).sshdPid, { force: true });
}
