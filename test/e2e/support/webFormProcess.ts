/**
 * Runs the web form the way an operator does (`node dist/web/cli.js`) on a
 * temp data dir and reads the URL it prints. Builds dist first when it is
 * missing, so the e2e tests also run on their own.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export interface WebFormProcess {
  /** The printed URL, token included. */
  url: string;
  origin: string;
  output(): string;
  stop(): Promise<void>;
}

const repoRoot = path.resolve(__dirname, '..', '..', '..');

export function ensureWebFormBuilt(): void {
  const cli = path.join(repoRoot, 'dist', 'web', 'cli.js');
  const index = path.join(repoRoot, 'dist', 'renderer', 'index.html');
  if (existsSync(cli) && existsSync(index)) return;
  execFileSync(process.execPath, ['scripts/build.mjs', 'web'], { cwd: repoRoot, stdio: 'inherit', timeout: 180_000 });
}

export function startWebForm(dataDir: string, options: { homeDir?: string; timeoutMs?: number } = {}): Promise<WebFormProcess> {
  const timeoutMs = options.timeoutMs ?? 20_000;
  // The outbound guard the test processes load: the web form, too, may reach only this machine and the lab.
  const guard = pathToFileURL(path.join(repoRoot, 'test', 'support', 'outboundGuard.mjs')).href;
  const child: ChildProcess = spawn(process.execPath, ['--import', guard, 'dist/web/cli.js', '--port', '0', '--data-dir', dataDir], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    // A test HOME keeps the operator's real ~/.ssh/config out of the test.
    env: options.homeDir ? { ...process.env, HOME: options.homeDir } : process.env,
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));

  const exited = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const kill = setTimeout(() => child.kill('SIGKILL'), 5_000);
      child.once('exit', () => {
        clearTimeout(kill);
        resolve();
      });
      child.kill('SIGTERM');
    });
  /** Stops the web form; fails the test run if it tried to reach anything but this machine and the lab. */
  const stop = async () => {
    await exited();
    const refused = out.split('\n').filter((line) => line.startsWith('outboundGuard: refused'));
    if (refused.length > 0) throw new Error(`the web form tried to leave the machine:\n${refused.join('\n')}`);
  };

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void exited();
      reject(new Error(`the web form printed no URL within ${timeoutMs} ms. Output:\n${out}`));
    }, timeoutMs);
    const check = () => {
      const m = /ClusterDeck web form: (http:\/\/[^\s]+)/.exec(out);
      if (!m?.[1]) return;
      clearTimeout(timer);
      child.stdout?.off('data', check);
      const url = m[1];
      resolve({ url, origin: new URL(url).origin, output: () => out, stop });
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the web form exited with ${code} before printing its URL. Output:\n${out}`));
    });
  });
}
