// lab-node-init: builds (or brings back) one lab node's state and starts its
// services. Run as root inside the node's network and UTS namespaces (the
// servers bind 127.0.0.1 of that namespace; the node is named by `hostname`).
// Idempotent: existing data is kept, running services are left alone.
//   lab-node-init --roles manager,webserver,storage-proxy,wsproxy,postgres,redis,etcd
//                 [--log-rate LINES_PER_S] [--db-size-mb N] [--no-start] [--json]
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { nodePaths, toolsBinDir, labRoot, readNodeConfig } from '../labPaths.mjs';
import { parseArgs } from '../argv.mjs';
import { writeJson, ensureDir } from '../stateFiles.mjs';
import { composeFilesForRoles, COMPOSE_PROJECT } from '../halfstack/composeTemplates.mjs';
import { loadComposeFiles } from '../compose/composeFile.mjs';
import { upServices } from '../compose/composeProject.mjs';
import { unitsOfNode } from '../systemd/unitCatalog.mjs';
import { startUnit } from '../systemd/unitControl.mjs';
import { readUnitState } from '../systemd/unitState.mjs';
import { listContainers } from '../docker/containerStore.mjs';
import { sudoersText, SUDOERS_FILE } from '../docker/dockerAccess.mjs';
import { managerToml } from '../manager/managerConfig.mjs';
import { etcdClient } from '../manager/etcdClient.mjs';
import { seedPairs } from '../manager/etcdSeed.mjs';

export const KNOWN_ROLES = ['manager', 'agent', 'webserver', 'storage-proxy', 'wsproxy', 'postgres', 'redis', 'etcd'];

function linkTool(binDir, tool) {
  const link = path.join(binDir, tool);
  fs.rmSync(link, { force: true });
  fs.symlinkSync(path.join(toolsBinDir, tool), link);
}

/** The node's own PATH folder: only the tools a node of these roles has (nvidia-smi on agents only). */
function writeNodeBin(paths, roles) {
  ensureDir(paths.bin);
  for (const entry of fs.readdirSync(paths.bin)) fs.rmSync(path.join(paths.bin, entry), { force: true });
  for (const tool of ['systemctl', 'journalctl', 'docker', 'docker-compose']) linkTool(paths.bin, tool);
  if (roles.includes('manager')) linkTool(paths.bin, 'backend.ai');
  if (roles.includes('agent')) linkTool(paths.bin, 'nvidia-smi');
}

/** Rules left by test labs whose root is gone (a killed test run never tore down). */
function removeOrphanSudoers() {
  for (const entry of fs.readdirSync('/etc/sudoers.d')) {
    if (!entry.startsWith('cdlab-docker-')) continue;
    const file = path.join('/etc/sudoers.d', entry);
    const root = /^# lab root: (.+)$/m.exec(fs.readFileSync(file, 'utf8'))?.[1];
    if (root && !fs.existsSync(root)) fs.rmSync(file, { force: true });
  }
}

export function installSudoers() {
  removeOrphanSudoers();
  // Nodes initialise in parallel: each writes its own candidate (sudo ignores names with a dot).
  const tmp = `${SUDOERS_FILE}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, sudoersText(), { mode: 0o440 });
  try {
    execFileSync('visudo', ['-cqf', tmp], { stdio: 'pipe' });
    fs.renameSync(tmp, SUDOERS_FILE);
  } finally {
    fs.rmSync(tmp, { force: true });
  }
  // A file can be valid alone and still break the whole policy: never leave sudo broken.
  try {
    execFileSync('visudo', ['-cq'], { stdio: 'pipe' });
  } catch (err) {
    fs.rmSync(SUDOERS_FILE, { force: true });
    throw new Error(`the sudoers policy does not parse with ${SUDOERS_FILE}; removed it. visudo -c said: ${String(err.stdout ?? '')}${String(err.stderr ?? '')}`);
  }
}

async function seedEtcd() {
  const etcd = etcdClient('http://127.0.0.1:2379');
  if ((await etcd.get('/sorna/local/config/redis/addr')) === null) await etcd.putMany(seedPairs());
}

export async function main(argv) {
  if (process.getuid() !== 0) {
    process.stderr.write(`lab-node-init must run as root inside the node's namespaces (it starts servers as their own users); it ran as uid ${process.getuid()}.\n`);
    return 1;
  }
  const { options: o } = parseArgs(argv, { short: {}, long: { roles: 'value', 'log-rate': 'value', 'db-size-mb': 'value', 'no-start': 'flag', json: 'flag' } });
  const paths = nodePaths();
  const previous = readNodeConfig(paths);
  const roles = (o.roles ?? previous?.roles?.join(',') ?? '').split(',').map((r) => r.trim()).filter(Boolean);
  const unknown = roles.filter((r) => !KNOWN_ROLES.includes(r));
  if (roles.length === 0 || unknown.length) {
    process.stderr.write(`lab-node-init on ${paths.name}: ${unknown.length ? `unknown role(s) ${unknown.join(', ')}` : 'no --roles given'}; roles are ${KNOWN_ROLES.join(', ')}.\n`);
    return 2;
  }
  ensureDir(labRoot);
  fs.chmodSync(labRoot, 0o755);
  for (const dir of [paths.root, paths.systemd, paths.journal, paths.containers, paths.networks, paths.followers]) ensureDir(dir);
  writeJson(paths.nodeJson, {
    name: paths.name,
    roles,
    bootId: previous?.bootId ?? randomBytes(16).toString('hex'),
    logRate: Number(o['log-rate'] ?? process.env.LAB_LOG_RATE ?? previous?.logRate ?? 2),
    dbSizeMb: Number(o['db-size-mb'] ?? process.env.LAB_DB_SIZE_MB ?? previous?.dbSizeMb ?? 4),
    createdAt: previous?.createdAt ?? new Date().toISOString(),
  });
  writeNodeBin(paths, roles);
  const composeFiles = composeFilesForRoles(roles);
  if (composeFiles.length) {
    ensureDir(paths.halfstack);
    for (const f of composeFiles) fs.writeFileSync(path.join(paths.halfstack, f.file), f.text);
  }
  if (roles.includes('manager')) {
    ensureDir(paths.manager);
    fs.writeFileSync(path.join(paths.manager, 'manager.toml'), managerToml());
    linkTool(paths.manager, 'backend.ai');
  }
  installSudoers();
  if (o['no-start']) return 0;

  const silent = { network() {}, networkRemoved() {}, upToDate() {}, begin() {}, end() {} };
  const results = await Promise.all(composeFiles.map(async (f) => {
    const { services } = loadComposeFiles([path.join(paths.halfstack, f.file)]);
    return upServices(paths, COMPOSE_PROJECT, services, { flavor: 'v1', workingDir: paths.halfstack, report: silent });
  }));
  if (roles.includes('etcd')) await seedEtcd();
  await Promise.all(unitsOfNode(paths).map((unit) => startUnit(paths, unit)));
  fs.writeFileSync(path.join(paths.root, 'run', 'up'), new Date().toISOString());

  const summary = {
    node: paths.name,
    roles,
    units: Object.fromEntries(unitsOfNode(paths).map((u) => [u.name, readUnitState(paths, u.name).active])),
    containers: Object.fromEntries(listContainers(paths).map((c) => [c.config.Name, c.state.Status])),
    halfstackDir: composeFiles.length ? paths.halfstack : null,
    managerDir: roles.includes('manager') ? paths.manager : null,
    binDir: paths.bin,
  };
  process.stdout.write(o.json ? `${JSON.stringify(summary)}\n` : `${paths.name}: units ${Object.entries(summary.units).map(([k, v]) => `${k}=${v}`).join(' ') || '-'}; containers ${Object.entries(summary.containers).map(([k, v]) => `${k}=${v}`).join(' ') || '-'}\n`);
  return results.every(Boolean) ? 0 : 1;
}
