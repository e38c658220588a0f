// `docker` for a lab node: ps / container ls, exec, logs, inspect, start, stop,
// restart, info, version, --version, images, and `docker compose ...` (v2
// spelling, handed to the compose tool). Access rules as the real socket's;
// mutating commands and exec re-run as root via the lab's sudo rule.
import { nodePaths, readNodeConfig } from '../labPaths.mjs';
import { parseArgs, UsageError } from '../argv.mjs';
import { writeOut } from '../outputStream.mjs';
import { mayUseDocker, isRoot, rerunAsRoot, daemonPermissionMessage } from './dockerAccess.mjs';
import { psOutput } from './dockerPs.mjs';
import { dockerExec } from './dockerExec.mjs';
import { findContainer } from './containerStore.mjs';
import { startContainer, stopContainer } from './containerLifecycle.mjs';
import { streamLogs } from './containerLogs.mjs';
import { infoText, versionText, versionLine } from './dockerInfo.mjs';
import { inspectJson, imagesOutput } from './dockerInspect.mjs';

// logs: the json-file logs are root's, mode 0640, as Docker's own; the real daemon reads them for group docker.
const NEEDS_ROOT = new Set(['exec', 'start', 'stop', 'restart', 'kill', 'logs']);

const SPECS = {
  ps: { short: { a: 'all', q: 'quiet', f: 'filter', n: 'last', l: 'latest', s: 'size' }, long: { all: 'flag', quiet: 'flag', filter: 'multi', format: 'value', 'no-trunc': 'flag', last: 'value', latest: 'flag', size: 'flag' } },
  exec: { short: { i: 'interactive', t: 'tty', e: 'env', u: 'user', w: 'workdir', d: 'detach' }, long: { interactive: 'flag', tty: 'flag', env: 'multi', 'env-file': 'value', user: 'value', workdir: 'value', detach: 'flag', privileged: 'flag', 'detach-keys': 'value' } },
  logs: { short: { f: 'follow', t: 'timestamps', n: 'tail' }, long: { follow: 'flag', timestamps: 'flag', tail: 'value', since: 'value', until: 'value', details: 'flag' } },
  inspect: { short: { f: 'format', s: 'size' }, long: { format: 'value', size: 'flag', type: 'value' } },
  stop: { short: { t: 'time', s: 'signal' }, long: { time: 'value', timeout: 'value', signal: 'value' } },
  images: { short: { a: 'all', q: 'quiet' }, long: { all: 'flag', quiet: 'flag', format: 'value', 'no-trunc': 'flag', filter: 'multi', digests: 'flag' } },
  plain: { short: {}, long: {} },
};
SPECS.restart = SPECS.stop;
SPECS.kill = SPECS.stop;
SPECS.start = { short: { a: 'attach', i: 'interactive' }, long: { attach: 'flag', interactive: 'flag' } };

const err = (text) => process.stderr.write(`${text}\n`);

export async function main(argv) {
  const args = [...argv];
  while (args[0] === '-H' || args[0] === '--host' || args[0] === '--context' || args[0] === '-c') args.splice(0, 2);
  if (args[0] === '--version' || args[0] === '-v') {
    await writeOut(versionLine());
    return 0;
  }
  let [command, ...rest] = args;
  if (!command || command === '--help' || command === 'help') {
    await writeOut('\nUsage:  docker [OPTIONS] COMMAND\n\nA self-sufficient runtime for containers\n');
    return 0;
  }
  if (command === 'container' && rest.length) [command, ...rest] = rest[0] === 'ls' || rest[0] === 'list' ? ['ps', ...rest.slice(1)] : rest;
  if (command === 'compose') {
    const { main: composeMain } = await import('../compose/composeCli.mjs');
    return composeMain(rest, 'v2');
  }
  if (!mayUseDocker()) {
    err(daemonPermissionMessage(command === 'ps' ? 'containers/json' : '_ping'));
    return 1;
  }
  if (NEEDS_ROOT.has(command) && !isRoot()) return rerunAsRoot('docker', argv);
  const paths = nodePaths();
  const config = readNodeConfig(paths) ?? { roles: [] };
  const spec = SPECS[command] ?? SPECS.plain;
  let parsed;
  try {
    parsed = parseArgs(rest, spec, { stopAtOperand: command === 'exec' });
  } catch (e) {
    if (e instanceof UsageError) {
      err(`unknown shorthand flag or option: ${e.message}\nSee 'docker ${command} --help'.`);
      return 125;
    }
    throw e;
  }
  const { options: o, operands } = parsed;
  switch (command) {
    case 'ps':
      try {
        await writeOut(psOutput(paths, o));
      } catch (e) {
        err(e.message);
        return 1;
      }
      return 0;
    case 'exec': return dockerExec(paths, o, operands);
    case 'logs': return logs(paths, o, operands);
    case 'inspect': return inspect(paths, o, operands);
    case 'start': case 'stop': case 'restart': case 'kill': return lifecycle(paths, command, o, operands);
    case 'info':
      await writeOut(infoText(paths, config.roles));
      return 0;
    case 'version':
      await writeOut(versionText(paths));
      return 0;
    case 'images':
      await writeOut(imagesOutput(config.roles, o));
      return 0;
    default:
      err(`docker: '${command}' is not a docker command.\nSee 'docker --help'`);
      return 1;
  }
}

async function logs(paths, o, operands) {
  const container = findContainer(paths, operands[0] ?? '');
  if (!container) {
    err(`Error response from daemon: No such container: ${operands[0] ?? ''}`);
    return 1;
  }
  return streamLogs([container], { tail: o.tail, timestamps: o.timestamps, follow: o.follow, prefix: () => '', split: true, followersDir: paths.followers, stopWhenAllExited: true });
}

async function inspect(paths, o, operands) {
  const found = [];
  let code = 0;
  for (const ref of operands) {
    const c = findContainer(paths, ref);
    if (c) found.push(c);
    else {
      err(`Error: No such object: ${ref}`);
      code = 1;
    }
  }
  await writeOut(inspectJson(found, o.format));
  return code;
}

async function lifecycle(paths, command, o, operands) {
  let code = 0;
  for (const ref of operands) {
    const c = findContainer(paths, ref);
    if (!c) {
      err(`Error response from daemon: No such container: ${ref}`);
      code = 1;
      continue;
    }
    const timeout = Number(o.time ?? o.timeout ?? 10);
    if (command === 'stop' || command === 'restart') await stopContainer(c, timeout);
    if (command === 'kill') await stopContainer(c, 0);
    if (command === 'start' || command === 'restart') {
      const state = await startContainer(c);
      if (state.Status !== 'running') {
        err(`Error response from daemon: failed to start container ${c.config.Id}: the server exited with code ${state.ExitCode}`);
        code = 1;
        continue;
      }
    }
    await writeOut(`${ref}\n`);
  }
  return code;
}
