// `docker-compose` (v1, 1.29.2) and `docker compose` (v2) for a lab node:
// global -f/--file (repeatable), -p/--project-name, --project-directory,
// --env-file, --ansi/--no-ansi; commands ps (-q, -a, --services, --format),
// up (-d; attached mode is not simulated and runs detached), down (-t),
// restart (-t), stop (-t), start, logs (--tail, -f, -t, --no-color),
// config --services, version. Real PostgreSQL/Redis/etcd start and stop.
import fs from 'node:fs';
import path from 'node:path';
import { nodePaths } from '../labPaths.mjs';
import { parseArgs, UsageError } from '../argv.mjs';
import { writeOut } from '../outputStream.mjs';
import { mayUseDocker, isRoot, rerunAsRoot, daemonPermissionMessage } from '../docker/dockerAccess.mjs';
import { loadComposeFiles, defaultProjectName } from './composeFile.mjs';
import { projectContainers, upServices, downServices, restartServices, stopServices, startServices, ComposeError } from './composeProject.mjs';
import { progressReporter, psV1, psV2 } from './composeOutput.mjs';
import { streamLogs } from '../docker/containerLogs.mjs';
import { COMPOSE_V1_VERSION, COMPOSE_V2_VERSION } from '../docker/dockerInfo.mjs';

const GLOBAL = {
  short: { f: 'file', p: 'project-name', v: 'version', h: 'help' },
  long: { file: 'multi', 'project-name': 'value', 'project-directory': 'value', 'env-file': 'value', ansi: 'value', 'no-ansi': 'flag', 'log-level': 'value', verbose: 'flag', version: 'flag', help: 'flag', compatibility: 'flag', profile: 'multi', progress: 'value' },
};
const COMMANDS = {
  ps: { short: { q: 'quiet', a: 'all' }, long: { quiet: 'flag', all: 'flag', services: 'flag', format: 'value', filter: 'value', status: 'multi' } },
  up: { short: { d: 'detach', t: 'timeout' }, long: { detach: 'flag', timeout: 'value', build: 'flag', 'no-build': 'flag', 'force-recreate': 'flag', 'no-recreate': 'flag', 'remove-orphans': 'flag', 'no-deps': 'flag', wait: 'flag', 'quiet-pull': 'flag', 'no-color': 'flag', pull: 'value' } },
  down: { short: { t: 'timeout', v: 'volumes' }, long: { timeout: 'value', volumes: 'flag', 'remove-orphans': 'flag', rmi: 'value' } },
  restart: { short: { t: 'timeout' }, long: { timeout: 'value' } },
  stop: { short: { t: 'timeout' }, long: { timeout: 'value' } },
  start: { short: {}, long: {} },
  logs: { short: { f: 'follow', t: 'timestamps', n: 'tail' }, long: { follow: 'flag', timestamps: 'flag', tail: 'value', 'no-color': 'flag', 'no-log-prefix': 'flag', since: 'value', until: 'value' } },
  config: { short: { q: 'quiet' }, long: { services: 'flag', quiet: 'flag', volumes: 'flag' } },
  version: { short: {}, long: { short: 'flag', format: 'value' } },
};
const MUTATING = new Set(['up', 'down', 'restart', 'stop', 'start']);
const DEFAULT_FILES = ['compose.yaml', 'compose.yml', 'docker-compose.yml', 'docker-compose.yaml'];

function fail(flavor, message) {
  process.stderr.write(flavor === 'v1' ? `ERROR: ${message}\n` : `${message}\n`);
  return 1;
}

export async function main(argv, flavor = 'v1') {
  flavor = flavor === 'v2' ? 'v2' : 'v1';
  let global;
  let sub;
  try {
    global = parseArgs(argv, GLOBAL, { stopAtOperand: true });
    const [command = '', ...rest] = global.operands;
    if (command && !COMMANDS[command]) return fail(flavor, flavor === 'v1' ? `No such command: ${command}` : `unknown docker command: "compose ${command}"`);
    sub = { command, ...(command ? parseArgs(rest, COMMANDS[command]) : { options: {}, operands: [] }) };
  } catch (e) {
    if (e instanceof UsageError) return fail(flavor, e.message);
    throw e;
  }
  const g = global.options;
  if (g.version || sub.command === 'version') {
    await writeOut(flavor === 'v1' ? (sub.options?.short ? '1.29.2\n' : COMPOSE_V1_VERSION) : sub.options?.short ? '2.21.0\n' : COMPOSE_V2_VERSION);
    return 0;
  }
  if (!sub.command || g.help) {
    await writeOut('Define and run multi-container applications with Docker.\n\nUsage:\n  docker-compose [-f <arg>...] [--profile <name>...] [options] [--] [COMMAND] [ARGS...]\n');
    return sub.command ? 0 : 1;
  }
  if (!mayUseDocker()) {
    return fail(flavor, flavor === 'v1' ? "Couldn't connect to Docker daemon at http+docker://localhost - is it running?\n\nIf it's at a non-standard location, specify the URL with the DOCKER_HOST environment variable." : daemonPermissionMessage('containers/json?all=1'));
  }
  // logs too: the containers' json-file logs are root's 0640 (see NEEDS_ROOT in dockerCli.mjs).
  if ((MUTATING.has(sub.command) || sub.command === 'logs') && !isRoot()) return rerunAsRoot(flavor === 'v1' ? 'docker-compose' : 'docker', flavor === 'v1' ? argv : ['compose', ...argv]);

  const cwd = g['project-directory'] ? path.resolve(g['project-directory']) : process.cwd();
  const files = g.file ?? [DEFAULT_FILES.map((f) => path.join(cwd, f)).find((f) => fs.existsSync(f)) ?? ''];
  if (!files[0]) return fail(flavor, flavor === 'v1' ? `Can't find a suitable configuration file in this directory or any\n        parent. Are you in the right directory?\n\n        Supported filenames: docker-compose.yml, docker-compose.yaml, compose.yml, compose.yaml` : 'no configuration file provided: not found');
  for (const f of files) {
    if (!fs.existsSync(path.resolve(cwd, f))) return fail(flavor, flavor === 'v1' ? `.FileNotFoundError: [Errno 2] No such file or directory: '${f}'` : `open ${path.resolve(cwd, f)}: no such file or directory`);
  }
  let loaded;
  try {
    loaded = loadComposeFiles(files.map((f) => path.resolve(cwd, f)));
  } catch (e) {
    return fail(flavor, `yaml: ${e.message}`);
  }
  const project = g['project-name'] ?? process.env.COMPOSE_PROJECT_NAME ?? defaultProjectName(g['project-directory'] ? cwd : loaded.dir);
  const paths = nodePaths();
  const o = sub.options;
  let services = loaded.services;
  if (sub.operands.length) {
    const unknown = sub.operands.find((s) => !services.some((x) => x.name === s));
    if (unknown) return fail(flavor, flavor === 'v1' ? `No such service: ${unknown}` : `no such service: ${unknown}`);
    services = services.filter((s) => sub.operands.includes(s.name));
  }
  const report = progressReporter(flavor);
  const timeout = Number(o.timeout ?? 10);
  try {
    switch (sub.command) {
      case 'ps': return ps(paths, project, services, o, flavor);
      case 'up': return (await upServices(paths, project, services, { flavor, workingDir: loaded.dir, report })) ? 0 : 1;
      case 'down': return (await downServices(paths, project, services, { timeout, report })) ? 0 : 1;
      case 'restart': return (await restartServices(paths, project, services, { timeout, report })) ? 0 : 1;
      case 'stop': return (await stopServices(paths, project, services, { timeout, report })) ? 0 : 1;
      case 'start': return (await startServices(paths, project, services, { report })) ? 0 : 1;
      case 'logs': return logs(paths, project, services, o, flavor);
      case 'config':
        await writeOut(o.services ? services.map((s) => `${s.name}\n`).join('') : fs.readFileSync(files[0], 'utf8'));
        return 0;
      default: return 1;
    }
  } catch (e) {
    if (e instanceof ComposeError) return fail(flavor, e.message);
    throw e;
  }
}

async function ps(paths, project, services, o, flavor) {
  if (o.services) {
    await writeOut(services.map((s) => `${s.name}\n`).join(''));
    return 0;
  }
  let containers = projectContainers(paths, project, services);
  if (flavor === 'v2' && !o.all) containers = containers.filter((c) => c.state.Status === 'running');
  if (o.quiet) {
    await writeOut(containers.map((c) => `${c.config.Id}\n`).join(''));
    return 0;
  }
  await writeOut(flavor === 'v1' ? psV1(containers) : psV2(containers, o.format));
  return 0;
}

async function logs(paths, project, services, o, flavor) {
  const containers = projectContainers(paths, project, services);
  const width = Math.max(0, ...containers.map((c) => c.config.Name.length));
  if (flavor === 'v1' && containers.length) await writeOut(`Attaching to ${containers.map((c) => c.config.Name).join(', ')}\n`);
  const prefix = o['no-log-prefix'] ? () => '' : (c) => `${c.config.Name.padEnd(width)}${flavor === 'v1' ? ' | ' : '  | '}`;
  return streamLogs(containers, { tail: o.tail, timestamps: o.timestamps, follow: o.follow, prefix, split: false, followersDir: paths.followers, stopWhenAllExited: flavor === 'v1' });
}
