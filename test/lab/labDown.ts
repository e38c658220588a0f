/**
 * `lab down`: leaves no lab process, namespace, veth, bridge, mount, address,
 * sudoers or PAM file behind. Works from names alone (cdlab-* netns, cdv-/cdi-
 * links, mounts under .lab), so it also cleans up after a crash. Idempotent.
 */
import fs from 'node:fs';
import path from 'node:path';
import { runCommand } from './hostCommand';
import { LAB_NODES, labFiles, labRoot } from './labLayout';
import { unmountLabDisks } from './labDisk';
import { destroyLabNetwork, listLabNetns } from './labNetwork';
import { removeSudoers } from './labSudoers';
import { removeLabUsers } from './labUsers';
import { stopNetemRelays } from './netemRelay';
import { teardownNodeSoftware } from './nodeSoftware';
import { removeSshdSupport } from './sshdConfig';
import { isProcessAlive, stopSshdProcess } from './sshdProcess';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function netnsPids(ns: string): Promise<number[]> {
  const out = (await runCommand(['ip', 'netns', 'pids', ns])).stdout;
  return out.split(/\s+/).filter(Boolean).map(Number).filter((p) => p > 1 && p !== process.pid);
}

/**
 * Processes outside any lab netns that still belong to this lab (e.g. after a
 * crash): their command line names .lab, or they carry the node tools' marker
 * CDLAB_NODE=<.lab/nodes/...> in their environment.
 */
function strayLabPids(): number[] {
  const pids: number[] = [];
  const marker = `CDLAB_NODE=${labRoot}/`;
  for (const entry of fs.readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid <= 1 || pid === process.pid || pid === process.ppid) continue;
    try {
      const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      const environ = fs.readFileSync(`/proc/${pid}/environ`, 'latin1');
      if (cmdline.includes(`${labRoot}/`) || environ.split('\0').some((v) => v.startsWith(marker))) pids.push(pid);
    } catch {
      // The process ended while we looked.
    }
  }
  return pids;
}

async function killAll(pids: number[]): Promise<void> {
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      // Gone already.
    }
  }
  const deadline = Date.now() + 3_000;
  while (pids.some(isProcessAlive) && Date.now() < deadline) await sleep(50);
  for (const pid of pids.filter(isProcessAlive)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Gone already.
    }
  }
}

export async function labDown(log: (line: string) => void, options: { purge?: boolean } = {}): Promise<void> {
  const started = Date.now();
  const present = new Set(await listLabNetns());
  await stopNetemRelays();
  // Orderly first: the node tools stop their units and servers (so PostgreSQL shuts down cleanly).
  await Promise.all(
    LAB_NODES.filter((n) => present.has(`cdlab-${n.name}`)).map((n) => teardownNodeSoftware(n).catch(() => undefined)),
  );
  await Promise.all(LAB_NODES.map((n) => stopSshdProcess(n.name)));
  // Backstop: whatever still lives in a lab namespace, or names .lab, is ended.
  // Several rounds: a dying supervisor may start a child between our look and our kill.
  for (let round = 0; ; round++) {
    const pids = [...new Set([...(await Promise.all([...present].map(netnsPids))).flat(), ...strayLabPids()])];
    if (pids.length === 0) break;
    if (round === 5) {
      log(`lab down: WARNING: processes still alive after 5 rounds: ${pids.join(' ')}`);
      break;
    }
    log(`lab down: ending ${pids.length} leftover process(es): ${pids.join(' ')}`);
    await killAll(pids);
  }
  await unmountLabDisks();
  await destroyLabNetwork();
  removeSudoers();
  removeSshdSupport();
  fs.rmSync(labFiles.labJson, { force: true });
  fs.rmSync(labFiles.profileJson, { force: true });
  if (options.purge) {
    await removeLabUsers();
    for (const entry of fs.existsSync(labRoot) ? fs.readdirSync(labRoot) : []) {
      if (entry !== 'cache') fs.rmSync(path.join(labRoot, entry), { recursive: true, force: true });
    }
  }
  log(`lab down: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
