// `backend.ai mgr ...` of the lab's manager node: etcd get [--prefix],
// put, put-json (FILE or "-"), delete [--prefix], quote, unquote, backed by
// the node's real etcd; and dbshell (psql on the backend database through
// `docker exec` into the halfstack PostgreSQL container, like the real one).
// As in Backend.AI, an etcd failure is logged with its traceback and the exit
// code stays 0, so callers must check the output, not only the exit code.
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { nodePaths, toolsBinDir } from '../labPaths.mjs';
import { parseArgs, UsageError } from '../argv.mjs';
import { writeOut } from '../outputStream.mjs';
import { formatLogTime } from '../systemd/logLines.mjs';
import { loadManagerConfig } from './managerConfig.mjs';
import { etcdClient } from './etcdClient.mjs';
import { nestPairs, dumpIndent2, flattenTree, etcdQuote, etcdUnquote } from './etcdTree.mjs';

const USAGE = 'Usage: backend.ai mgr [OPTIONS] COMMAND [ARGS]...\n\n  The root entrypoint for unified CLI of the manager\n\nCommands:\n  dbshell  Run the database shell.\n  etcd     Manage etcd configurations.\n';

function log(level, logger, message, extra = '') {
  process.stderr.write(`${formatLogTime(new Date())} ${level} ${logger} [${process.pid}] ${message}${extra}\n`);
}

function usageError(text, code = 2) {
  process.stderr.write(`Usage: backend.ai mgr etcd [OPTIONS] COMMAND [ARGS]...\nTry 'backend.ai mgr etcd --help' for help.\n\nError: ${text}\n`);
  return code;
}

export async function main(argv) {
  const [group, command, ...rest] = argv;
  if (group === '--version' || group === '-v') {
    await writeOut('24.03.3\n');
    return 0;
  }
  if (group !== 'mgr' || !command || command === '--help') {
    await writeOut(USAGE);
    return group === 'mgr' || group === '--help' ? 0 : 2;
  }
  const paths = nodePaths();
  const config = loadManagerConfig(paths.manager);
  if (command === 'dbshell') return dbshell(config, rest);
  if (command !== 'etcd') {
    process.stderr.write(`Usage: backend.ai mgr [OPTIONS] COMMAND [ARGS]...\nTry 'backend.ai mgr --help' for help.\n\nError: No such command '${command}'.\n`);
    return 2;
  }
  const [verb, ...args] = rest;
  let parsed;
  try {
    parsed = parseArgs(args, { short: { s: 'scope' }, long: { prefix: 'flag', scope: 'value', help: 'flag' } });
  } catch (e) {
    if (e instanceof UsageError) return usageError(e.message);
    throw e;
  }
  const { options: o, operands } = parsed;
  const ns = `/sorna/${config.etcd.namespace}/`;
  const mangle = (key) => `${ns}${key.replace(/^\//, '')}`;
  const etcd = etcdClient(`http://${config.etcd.addr.host}:${config.etcd.addr.port}`);
  if (verb === 'quote' || verb === 'unquote') {
    if (!operands[0]) return usageError("Missing argument 'VALUE'.");
    await writeOut(`${verb === 'quote' ? etcdQuote(operands[0]) : etcdUnquote(operands[0])}\n`);
    return 0;
  }
  const needed = { get: 1, put: 2, 'put-json': 2, delete: 1 }[verb];
  if (!needed) return usageError(`No such command '${verb ?? ''}'.`);
  if (operands.length < needed) return usageError(`Missing argument '${['KEY', verb === 'put' ? 'VALUE' : 'FILE'][operands.length]}'.`);
  const [key, second] = operands;
  try {
    switch (verb) {
      case 'get':
        if (o.prefix) {
          const mangledPrefix = mangle(key);
          const pairs = (await etcd.getPrefix(mangledPrefix)).map(([k, v]) => [k.startsWith(ns) ? k.slice(ns.length) : k, v]);
          await writeOut(`${dumpIndent2(nestPairs(key, pairs))}\n`);
        } else {
          const value = await etcd.get(mangle(key));
          if (value === null) return 1;
          await writeOut(`${value}\n`);
        }
        return 0;
      case 'put':
        await etcd.put(mangle(key), second);
        return 0;
      case 'put-json': {
        let text;
        try {
          text = second === '-' ? fs.readFileSync(0, 'utf8') : fs.readFileSync(second, 'utf8');
        } catch {
          return usageError(`Invalid value for 'FILE': '${second}': No such file or directory`);
        }
        const tree = JSON.parse(text);
        await etcd.putMany(flattenTree(key, tree).map(([k, v]) => [mangle(k), v]));
        return 0;
      }
      case 'delete':
        if (o.prefix) {
          if ((await etcd.getPrefix(mangle(key))).length === 0) log('INFO', 'ai.backend.manager.cli.etcd', 'no keys found to delete with the prefix', ` [etcd_key=${key}]`);
          else {
            await etcd.deletePrefix(mangle(key));
            log('INFO', 'ai.backend.manager.cli.etcd', 'deleted all keys with the prefix', ` [etcd_key=${key}]`);
          }
        } else if ((await etcd.get(mangle(key))) === null) log('INFO', 'ai.backend.manager.cli.etcd', 'no key found to delete', ` [etcd_key=${key}]`);
        else {
          await etcd.delete(mangle(key));
          log('INFO', 'ai.backend.manager.cli.etcd', 'deleted the key', ` [etcd_key=${key}]`);
        }
        return 0;
      default:
        return 2;
    }
  } catch (e) {
    const cause = e.code === 'ECONNREFUSED' ? `ConnectionRefusedError: [Errno 111] Connect call failed ('${config.etcd.addr.host}', ${config.etcd.addr.port})` : e instanceof SyntaxError ? `json.decoder.JSONDecodeError: ${e.message}` : `Exception: ${e.message}`;
    log('ERROR', 'ai.backend.manager.cli.etcd', 'etcd command failed', `\nTraceback (most recent call last):\n  File "/home/lablup/manager/.venv/lib/python3.12/site-packages/ai/backend/manager/cli/etcd.py", line 180, in _impl\n    data = await etcd.get_prefix(key, scope=scope)\n${cause}`);
    return 0;
  }
}

async function dbshell(config, args) {
  let container = 'halfstack-db';
  const psqlArgs = [];
  for (let i = 0; i < args.length; i += 1) {
    if (args[i] === '--container-name' || args[i] === '--psql-container') container = args[++i];
    else if (args[i].startsWith('--container-name=') || args[i].startsWith('--psql-container=')) container = args[i].split('=')[1];
    else if (args[i] === '-p' || args[i] === '--psql-help') psqlArgs.push('--help');
    else if (args[i] !== '--') psqlArgs.push(args[i]);
  }
  const tty = process.stdin.isTTY ? ['-t'] : [];
  const child = spawn(path.join(toolsBinDir, 'docker'), ['exec', '-i', ...tty, '-e', `PGPASSWORD=${config.db.password}`, container, 'psql', '-U', config.db.user, config.db.name, ...psqlArgs], { stdio: 'inherit' });
  return new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
}
