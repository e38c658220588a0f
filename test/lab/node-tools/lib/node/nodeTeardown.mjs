// lab-node-teardown [--node NAME] [--purge]: stops everything one lab node
// runs (units, halfstack servers and their shims, log followers) and leaves no
// process behind: a last sweep kills any process still marked with the node's
// CDLAB_NODE environment. --purge also deletes the node's state folder.
// The sudoers rule goes away with the last node that is up.
import fs from 'node:fs';
import path from 'node:path';
import { nodePaths, labRoot } from '../labPaths.mjs';
import { parseArgs } from '../argv.mjs';
import { unitsOfNode } from '../systemd/unitCatalog.mjs';
import { stopUnit } from '../systemd/unitControl.mjs';
import { listContainers } from '../docker/containerStore.mjs';
import { stopContainer } from '../docker/containerLifecycle.mjs';
import { SUDOERS_FILE } from '../docker/dockerAccess.mjs';
import { signalProcess, signalGroup, sleep } from '../processes.mjs';

function markedProcesses(marker) {
  const found = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      if (fs.readFileSync(`/proc/${entry}/environ`, 'latin1').split('\0').includes(marker)) found.push(Number(entry));
    } catch {
      // Gone already, or a kernel thread.
    }
  }
  return found;
}

export async function main(argv) {
  if (process.getuid() !== 0) {
    process.stderr.write(`lab-node-teardown must run as root; it ran as uid ${process.getuid()}.\n`);
    return 1;
  }
  const { options: o } = parseArgs(argv, { short: {}, long: { node: 'value', purge: 'flag' } });
  const paths = nodePaths(o.node);
  if (!fs.existsSync(paths.root)) return 0;
  await Promise.all(unitsOfNode(paths).map((unit) => stopUnit(paths, unit)));
  await Promise.all(listContainers(paths).map((c) => stopContainer(c, 5)));
  try {
    for (const pid of fs.readdirSync(paths.followers)) signalProcess(Number(pid), 'SIGTERM');
    fs.rmSync(paths.followers, { recursive: true, force: true });
  } catch {
    // No followers registered.
  }
  const marker = `CDLAB_NODE=${paths.root}`;
  let left = markedProcesses(marker);
  for (const pid of left) signalGroup(pid, 'SIGTERM');
  for (let i = 0; i < 40 && left.length; i += 1) {
    await sleep(50);
    left = markedProcesses(marker);
  }
  for (const pid of left) signalGroup(pid, 'SIGKILL');
  fs.rmSync(path.join(paths.root, 'run', 'up'), { force: true });
  if (o.purge) fs.rmSync(paths.root, { recursive: true, force: true });
  const anyUp = fs.existsSync(path.join(labRoot, 'nodes')) && fs.readdirSync(path.join(labRoot, 'nodes')).some((n) => fs.existsSync(path.join(labRoot, 'nodes', n, 'run', 'up')));
  if (!anyUp) fs.rmSync(SUDOERS_FILE, { force: true });
  return 0;
}
