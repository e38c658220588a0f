/**
 * Faults on demand for tests, each with its undo: stop a node's sshd, cut its
 * link, slow it down, rotate its host key, make a unit fail, make sudo refuse,
 * fill its disk. Each acts on the real thing (process, veth, sudoers, tmpfs)
 * and returns once the fault is in effect. Faults outlive a test file unless
 * undone, so tests undo them in afterEach/finally.
 */
import fs from 'node:fs';
import path from 'node:path';
import { mustRun } from './hostCommand';
import { labNode, readLabInfo, writeLabInfo, type LabNodeInfo } from './labInfo';
import { fillNodeDisk, freeNodeDisk } from './labDisk';
import { nodeDirs, nodeSpec, nodeToolsBin } from './labLayout';
import { flushNeighbours } from './labNetwork';
import { setSudoRefusingFor } from './labSudoers';
import { clearLinkDelay, setLinkDelay, type LinkDelay } from './netemRelay';
import { mustRunOnNode } from './nodeExec';
import { ensureHostKeys } from './sshdConfig';
import { startSshdProcess, stopSshdProcess } from './sshdProcess';
import { nodeInfoFor } from './labUp';

/** Ends the node's sshd listener: new connections are refused; open sessions live on. */
export async function stopSshd(node: string): Promise<void> {
  nodeSpec(node);
  await stopSshdProcess(node);
}

export async function startSshd(node: string): Promise<void> {
  nodeSpec(node);
  await startSshdProcess(node);
}

/** Link down on the host side of every veth of the node: packets vanish, open connections hang. */
export async function cutOff(node: string): Promise<void> {
  for (const link of nodeSpec(node).links) await mustRun(['ip', 'link', 'set', link.hostIf, 'down']);
}

export async function reconnect(node: string): Promise<void> {
  const spec = nodeSpec(node);
  for (const link of spec.links) await mustRun(['ip', 'link', 'set', link.hostIf, 'up']);
  await flushNeighbours(spec);
}

/**
 * Adds delay and/or loss to everything the node sends and receives. This
 * kernel has no sch_netem, so a userspace relay (netemRelay.ts) stands in for
 * `tc qdisc add ... netem`; open connections are affected too.
 */
export async function setNetem(node: string, options: { delayMs?: number; lossPct?: number }): Promise<void> {
  const delay: LinkDelay = { delayMs: options.delayMs ?? 0, lossPct: options.lossPct ?? 0 };
  await setLinkDelay(nodeSpec(node), delay);
}

export async function clearNetem(node: string): Promise<void> {
  const spec = nodeSpec(node);
  await clearLinkDelay(spec);
  await flushNeighbours(spec);
}

/** New host keys of every type, sshd restarted, lab.json updated. Returns the node's new info. */
export async function rotateHostKey(node: string): Promise<LabNodeInfo> {
  nodeSpec(node);
  await ensureHostKeys(node, true);
  await stopSshdProcess(node);
  await startSshdProcess(node);
  const info = readLabInfo();
  const fresh = await nodeInfoFor(node);
  info.nodes = info.nodes.map((n) => (n.name === node ? fresh : n));
  writeLabInfo(info);
  return labNode(info, node);
}

/** The unit's next start fails (a running unit keeps running until restarted). Delegates to the node tools. */
export async function setUnitFailing(node: string, unit: string, failing: boolean): Promise<void> {
  nodeSpec(node);
  const tool = path.join(nodeToolsBin, 'lab-unit-fail');
  await mustRunOnNode(node, [tool, '--node', node, unit, failing ? 'on' : 'off', ...(failing ? ['lab fault: setUnitFailing'] : [])]);
}

/** sudo on that node answers "not allowed" for the lab users, without asking for a password. */
export async function setSudoRefusing(node: string, refusing: boolean): Promise<void> {
  nodeSpec(node);
  await setSudoRefusingFor(node, refusing);
}

/** Fills the node's 16 MB disk folder (LabNodeInfo.diskDir) until writes fail with ENOSPC. */
export async function fillDisk(node: string): Promise<string> {
  nodeSpec(node);
  return fillNodeDisk(node);
}

export async function freeDisk(node: string): Promise<void> {
  nodeSpec(node);
  freeNodeDisk(node);
}

/** The node's sshd log (LogLevel VERBOSE): every connection, auth attempt and session. */
export function sshdLog(node: string): string {
  nodeSpec(node);
  try {
    return fs.readFileSync(nodeDirs(node).sshdLog, 'utf8');
  } catch {
    return '';
  }
}
