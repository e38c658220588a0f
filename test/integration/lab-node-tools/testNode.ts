/**
 * A throw-away lab node for testing the node tools themselves: its own network
 * namespace (cdlab-nt-*, so `lab down` would also clean it), a fresh UTS
 * namespace per command whose hostname is the node name, and a temp LAB_ROOT.
 * The PostgreSQL template cache is shared with the repository's lab.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const toolsBin = path.join(repoRoot, 'test/lab/node-tools/bin');

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  input?: string | Buffer;
  user?: string;
  env?: Record<string, string>;
  cwd?: string;
  timeoutMs?: number;
}

export interface TestNode {
  name: string;
  netns: string;
  labRoot: string;
  nodeDir: string;
  /** A scratch folder removed with the node. */
  scratch: string;
  run(argv: string[], options?: RunOptions): RunResult;
  spawn(argv: string[], options?: RunOptions): ChildProcess;
  destroy(): void;
}

function must(argv: string[]): void {
  const r = spawnSync(argv[0] ?? 'false', argv.slice(1), { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${argv.join(' ')} failed (exit ${r.status}): ${r.stderr}`);
}

export function createTestNode(name: string, roles: string[]): TestNode {
  // cdlab- so that `lab down` cleans up after a killed run (it also ends what runs in it).
  const netns = `${process.env.CDLAB_NT_NETNS_PREFIX ?? 'cdlab-nt'}-${process.pid % 100000}-${Math.floor(Math.random() * 1000)}`;
  must(['ip', 'netns', 'add', netns]);
  must(['ip', 'netns', 'exec', netns, 'ip', 'link', 'set', 'lo', 'up']);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cdlab-nt-'));
  fs.chmodSync(tmp, 0o755);
  const labRoot = path.join(tmp, 'lab');
  fs.mkdirSync(labRoot, { mode: 0o755 });
  const cacheDir = path.join(repoRoot, '.lab', 'cache');
  fs.mkdirSync(cacheDir, { recursive: true });
  fs.chmodSync(path.join(repoRoot, '.lab'), 0o755);
  const nodeDir = path.join(labRoot, 'nodes', name);
  const env = (extra: Record<string, string> = {}): NodeJS.ProcessEnv => ({
    PATH: `${nodeDir}/bin:${toolsBin}:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin`,
    LAB_ROOT: labRoot,
    LAB_CACHE_DIR: cacheDir,
    LANG: 'C.UTF-8',
    HOME: '/root',
    ...extra,
  });
  const wrap = (argv: string[], user?: string): string[] => [
    'nsenter', `--net=/run/netns/${netns}`, 'unshare', '--uts', '--', 'sh', '-c', 'hostname "$0" && exec "$@"', name,
    ...(user ? ['runuser', '-u', user, '--', 'env', `LAB_ROOT=${labRoot}`, `PATH=${nodeDir}/bin:/usr/bin:/bin`] : []),
    ...argv,
  ];
  const node: TestNode = {
    name,
    netns,
    labRoot,
    nodeDir,
    scratch: tmp,
    run(argv, options = {}) {
      const [file, ...args] = wrap(argv, options.user);
      const r = spawnSync(file ?? 'false', args, {
        input: options.input,
        env: env(options.env),
        cwd: options.cwd ?? '/',
        timeout: options.timeoutMs ?? 60_000,
        maxBuffer: 512 * 1024 * 1024,
      });
      // A signal death reads as 128 + a note, so a failing expectation says what killed the command.
      const killed = r.signal ? `\n[killed by ${r.signal}]` : '';
      return { code: r.status ?? 128, stdout: r.stdout.toString('utf8'), stderr: `${r.stderr.toString('utf8')}${killed}` };
    },
    spawn(argv, options = {}) {
      const [file, ...args] = wrap(argv, options.user);
      return spawn(file ?? 'false', args, { env: env(options.env), cwd: options.cwd ?? '/', stdio: ['pipe', 'pipe', 'pipe'] });
    },
    destroy() {
      // On the host, not in the namespace: teardown must work even if `lab down` already removed it.
      spawnSync(path.join(toolsBin, 'lab-node-teardown'), ['--node', name, '--purge'], { env: env() });
      spawnSync('ip', ['netns', 'del', netns]);
      fs.rmSync(tmp, { recursive: true, force: true });
    },
  };
  const init = node.run(['lab-node-init', '--roles', roles.join(',')], { timeoutMs: 120_000 });
  if (init.code !== 0) {
    node.destroy();
    throw new Error(`lab-node-init failed on test node ${name} (exit ${init.code}):\n${init.stdout}${init.stderr}`);
  }
  return node;
}

/** Waits until `read()` satisfies `done`, polling; fails with what was last seen. */
export async function waitFor<T>(read: () => T, done: (value: T) => boolean, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = read();
  while (!done(last)) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last value: ${JSON.stringify(last).slice(0, 500)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    last = read();
  }
  return last;
}

export function isProcessRunning(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0];
    return state !== 'Z' && state !== 'X';
  } catch {
    return false;
  }
}
