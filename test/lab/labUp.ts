/**
 * `lab up`: from nothing to a running lab (network, users, sudo, sshd per node,
 * node software), then .lab/lab.json and .lab/profile.json. Independent steps
 * run in parallel; the whole thing must stay under 60 s. Each step's time is
 * reported so a slow step is easy to spot.
 */
import fs from 'node:fs';
import { DB_PASSWORD, COMPOSE_PROJECT, LAB_NODES, LAB_USERS, labFiles, labRoot, netnsOf, nodeAddress, nodeDirs, nodeToolsBin } from './labLayout';
import { type LabInfo, type LabNodeInfo, writeLabInfo } from './labInfo';
import { mountNodeDisk } from './labDisk';
import { labDown } from './labDown';
import { createLabNetwork, listLabNetns } from './labNetwork';
import { buildLabProfile, JUMP_NODE } from './labProfile';
import { installSudoers } from './labSudoers';
import { ensureLabUsers, labKeyPaths } from './labUsers';
import { initNodeSoftware, type NodeInitSummary } from './nodeSoftware';
import { ensureHostKeys, installSshdSupport, readHostKeys, writeSshdConfig } from './sshdConfig';
import { startSshdProcess } from './sshdProcess';

export type StepLog = (line: string) => void;

async function timed<T>(log: StepLog, label: string, work: () => Promise<T>): Promise<T> {
  const started = Date.now();
  const result = await work();
  log(`lab up: ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return result;
}

export async function nodeInfoFor(name: string): Promise<LabNodeInfo> {
  const spec = LAB_NODES.find((n) => n.name === name);
  if (!spec) throw new Error(`Unknown lab node ${name}.`);
  const keys = await readHostKeys(name);
  return {
    name,
    host: nodeAddress(spec),
    port: 22,
    netns: netnsOf(name),
    roles: spec.roles,
    hostKeyFingerprints: keys.map((k) => k.fingerprint),
    hostKeys: keys.map((k) => ({ type: k.type, publicKey: k.publicKey })),
    sudo: spec.sudo,
    reachableDirectly: spec.reachableDirectly,
    diskDir: nodeDirs(name).disk,
    binDir: nodeDirs(name).bin,
    ...(spec.reachableDirectly ? {} : { via: JUMP_NODE }),
  };
}

/** halfstackDir and managerDir as the node tools reported them, else their documented defaults. */
async function buildLabInfo(summaries: Array<NodeInitSummary | null>): Promise<LabInfo> {
  const manager = LAB_NODES.find((n) => n.roles.includes('manager'))?.name ?? 'bai-m1';
  const halfstack = LAB_NODES.find((n) => n.roles.includes('postgres'))?.name ?? manager;
  const halfstackDir = summaries.find((s) => s?.halfstackDir)?.halfstackDir ?? nodeDirs(halfstack).halfstack;
  const managerDir = summaries.find((s) => s?.managerDir)?.managerDir ?? nodeDirs(manager).manager;
  const kbdNode = LAB_NODES.find((n) => n.keyboardInteractive)?.name ?? '';
  return {
    root: labRoot,
    nodes: await Promise.all(LAB_NODES.map((n) => nodeInfoFor(n.name))),
    users: {
      key: { name: LAB_USERS.key.name, keyPath: labKeyPaths.ed25519 },
      password: { name: LAB_USERS.password.name, password: LAB_USERS.password.password },
      passphrase: { name: LAB_USERS.passphrase.name, keyPath: labKeyPaths.passphrase, passphrase: LAB_USERS.passphrase.passphrase },
      keyboardInteractive: { ...LAB_USERS.keyboardInteractive, node: kbdNode },
      sudoPassword: LAB_USERS.key.password,
    },
    keys: { rsaPem: labKeyPaths.rsaPem, ecdsa: labKeyPaths.ecdsa, ed25519: labKeyPaths.ed25519 },
    db: { password: DB_PASSWORD },
    halfstackDir,
    managerDir,
    composeProject: COMPOSE_PROJECT,
    profile: buildLabProfile({ keyPath: labKeyPaths.ed25519, halfstackDir, managerDir }),
    nodeToolsBin,
    upAt: new Date().toISOString(),
  };
}

/**
 * .lab, .lab/nodes and each node root are world-traversable (0755): the lab
 * users reach their node's bin folder and disk through them, and the node tools
 * run PostgreSQL and friends as their own users below them.
 */
function prepareLabFolders(): void {
  for (const dir of [labRoot, `${labRoot}/nodes`, ...LAB_NODES.map((n) => nodeDirs(n.name).root)]) {
    fs.mkdirSync(dir, { recursive: true });
    fs.chmodSync(dir, 0o755);
  }
}

export function assertRoot(): void {
  if (typeof process.getuid === 'function' && process.getuid() !== 0) {
    throw new Error('The lab needs root (network namespaces, useradd, sudoers, mounts). Run it as root.');
  }
}

/** Brings the lab up from whatever state the host is in; returns the LabInfo written to lab.json. */
export async function labUp(log: StepLog): Promise<LabInfo> {
  assertRoot();
  const started = Date.now();
  if ((await listLabNetns()).length > 0 || fs.existsSync(labFiles.labJson)) {
    await timed(log, 'cleared leftovers of an earlier lab', () => labDown(() => undefined));
  }
  prepareLabFolders();
  await Promise.all([
    timed(log, 'network namespaces and bridges', () => createLabNetwork()),
    timed(log, 'users and keys', () => ensureLabUsers()),
    timed(log, 'sshd host keys, PAM service', async () => {
      await installSshdSupport();
      await Promise.all(LAB_NODES.map((n) => ensureHostKeys(n.name)));
    }),
  ]);
  await timed(log, 'node disks and sudoers', async () => {
    for (const n of LAB_NODES) await mountNodeDisk(n.name);
    await installSudoers([]);
  });
  await timed(log, 'sshd on every node', () =>
    Promise.all(
      LAB_NODES.map(async (n) => {
        writeSshdConfig(n);
        await startSshdProcess(n.name);
      }),
    ),
  );
  // One node at a time: lab-node-init rewrites one shared sudoers file, and the
  // agents take well under a second each, so parallel would save little.
  const summaries = await timed(log, 'node software (lab-node-init)', async () => {
    const done: Array<NodeInitSummary | null> = [];
    for (const n of LAB_NODES) done.push(await initNodeSoftware(n));
    return done;
  });
  const info = await buildLabInfo(summaries);
  writeLabInfo(info);
  fs.writeFileSync(labFiles.profileJson, `${JSON.stringify(info.profile, null, 2)}\n`);
  log(`lab up: ready in ${((Date.now() - started) / 1000).toFixed(1)} s (${labFiles.labJson})`);
  return info;
}
