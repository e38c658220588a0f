/**
 * Delay and loss on a node's link without sch_netem (not built into this
 * kernel): the node's host-side veth leaves its bridge, a second veth pair
 * takes its place on the bridge, and netem/linkRelay.py copies frames between
 * the two with the delay and loss asked for. Clearing puts the veth back.
 * Open connections keep working throughout (same addresses, same MACs).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { mustRun, runCommand } from './hostCommand';
import { type LabNodeSpec, type NodeLink, labFiles, netnsOf } from './labLayout';

export interface LinkDelay {
  /** Added round-trip time: half on the way in, half on the way out. */
  delayMs: number;
  /** Frames dropped in each direction, in percent. */
  lossPct: number;
}

const relayScript = path.join(path.dirname(fileURLToPath(import.meta.url)), 'netem', 'linkRelay.py');
/** Debian's python3, not whatever a pyenv shim on root's PATH points at. */
const PYTHON = '/usr/bin/python3';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function relayNames(spec: LabNodeSpec, index: number) {
  const base = `${spec.name}-${index}`;
  return {
    inner: `cdq${index}-${spec.name}`, // relay side of the stand-in veth pair
    outer: `cdr${index}-${spec.name}`, // bridge side of it
    pidFile: path.join(labFiles.netem, `${base}.pid`),
    logFile: path.join(labFiles.netem, `${base}.log`),
  };
}

function readPid(file: string): number | null {
  try {
    const pid = Number(fs.readFileSync(file, 'utf8').trim());
    return Number.isInteger(pid) && pid > 1 ? pid : null;
  } catch {
    return null;
  }
}

async function killRelay(pidFile: string): Promise<void> {
  const pid = readPid(pidFile);
  fs.rmSync(pidFile, { force: true });
  if (pid === null) return;
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return;
  }
  for (let i = 0; i < 40; i++) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await sleep(25);
  }
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // Ended between the checks.
  }
}

async function linkExists(name: string): Promise<boolean> {
  return (await runCommand(['ip', 'link', 'show', 'dev', name])).code === 0;
}

/** Moves the node's link off its bridge onto the relay pair (once; later calls only retune). */
async function insertRelayPair(spec: LabNodeSpec, link: NodeLink, index: number): Promise<void> {
  const names = relayNames(spec, index);
  if (await linkExists(names.inner)) return;
  await mustRun(['ip', 'link', 'add', names.inner, 'type', 'veth', 'peer', 'name', names.outer]);
  // Offloads off wherever frames enter the relay: it must see wire-size frames with real checksums.
  await mustRun([PYTHON, relayScript, 'offloads-off', names.outer, names.inner, link.hostIf]);
  await mustRun(['ip', 'netns', 'exec', netnsOf(spec.name), PYTHON, relayScript, 'offloads-off', link.nodeIf]);
  await mustRun(['ip', 'link', 'set', names.outer, 'master', link.bridge]);
  await mustRun(['ip', 'link', 'set', names.outer, 'up']);
  await mustRun(['ip', 'link', 'set', names.inner, 'up']);
  await mustRun(['ip', 'link', 'set', link.hostIf, 'nomaster']);
}

async function startRelay(spec: LabNodeSpec, link: NodeLink, index: number, delay: LinkDelay): Promise<void> {
  const names = relayNames(spec, index);
  fs.mkdirSync(labFiles.netem, { recursive: true });
  const log = fs.openSync(names.logFile, 'w');
  const args = [relayScript, 'relay', link.hostIf, names.inner, String(delay.delayMs), String(delay.lossPct)];
  const child = spawn(PYTHON, args, { detached: true, stdio: ['ignore', log, log] });
  fs.closeSync(log);
  child.unref();
  if (!child.pid) throw new Error(`Could not start the delay relay for ${spec.name} (${PYTHON} ${relayScript}).`);
  fs.writeFileSync(names.pidFile, String(child.pid));
  await sleep(150);
  try {
    process.kill(child.pid, 0);
  } catch {
    throw new Error(`The delay relay for ${spec.name} ended at once. See ${names.logFile}.`);
  }
}

export async function setLinkDelay(spec: LabNodeSpec, delay: LinkDelay): Promise<void> {
  if (!(delay.delayMs >= 0 && delay.delayMs <= 10_000 && delay.lossPct >= 0 && delay.lossPct <= 100)) {
    throw new Error(`setNetem(${spec.name}): delayMs must be 0..10000 and lossPct 0..100 (got ${JSON.stringify(delay)}).`);
  }
  for (const [index, link] of spec.links.entries()) {
    await killRelay(relayNames(spec, index).pidFile);
    await insertRelayPair(spec, link, index);
    await startRelay(spec, link, index, delay);
  }
}

export async function clearLinkDelay(spec: LabNodeSpec): Promise<void> {
  for (const [index, link] of spec.links.entries()) {
    const names = relayNames(spec, index);
    await killRelay(names.pidFile);
    if (await linkExists(names.inner)) await mustRun(['ip', 'link', 'del', names.inner]);
    if (await linkExists(link.hostIf)) await mustRun(['ip', 'link', 'set', link.hostIf, 'master', link.bridge]);
  }
}

/** For `down`: ends every relay, found by pid file and, after a crash, by command line. */
export async function stopNetemRelays(): Promise<void> {
  if (fs.existsSync(labFiles.netem)) {
    for (const entry of fs.readdirSync(labFiles.netem)) {
      if (entry.endsWith('.pid')) await killRelay(path.join(labFiles.netem, entry));
    }
  }
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (cmdline.includes(relayScript) && cmdline.includes('relay')) process.kill(Number(entry), 'SIGKILL');
    } catch {
      // Gone, or not ours to read.
    }
  }
}
