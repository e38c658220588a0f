/**
 * Local shells through node-pty, as a TerminalSource. node-pty is a native
 * module loaded on first use: if it was built for the other runtime, only
 * local terminals fail (with a message saying how to rebuild), not core.
 */
import { accessSync, constants as fsConstants, statSync } from 'node:fs';
import { constants as osConstants } from 'node:os';
import type { IPty } from 'node-pty';
import { ApiError } from '../../../common/contract/errors';
import { localShellLaunch, localShellTitle } from './localShellLaunch';
import { createSourceListeners, type TerminalSource } from './terminalSource';

/** How long a shell gets to go after SIGHUP before it is killed (a `trap '' HUP` in a profile). */
export const KILL_AFTER_MS = 2000;

export interface LocalShellRequest {
  cols: number;
  rows: number;
  homeDir: string;
  platform?: NodeJS.Platform;
  env?: Record<string, string | undefined>;
}

export interface LocalShell {
  source: TerminalSource;
  title: string;
  pid: number;
}

type NodePty = typeof import('node-pty');
let nodePty: Promise<NodePty> | undefined;

function loadNodePty(): Promise<NodePty> {
  nodePty ??= import('node-pty').catch((err: unknown) => {
    nodePty = undefined;
    const detail = err instanceof Error ? err.message.split('\n')[0] : String(err);
    throw new ApiError(
      'internal',
      `Local terminals are unavailable: ClusterDeck could not load node-pty, its terminal module (${detail}). ` +
        'From source, rebuild it with `node scripts/native.mjs node` (web form) or `npm start` (desktop); otherwise reinstall ClusterDeck.',
    );
  });
  return nodePty;
}

export async function openLocalShell(request: LocalShellRequest): Promise<LocalShell> {
  const platform = request.platform ?? process.platform;
  const launch = localShellLaunch(platform, request.env ?? process.env, request.homeDir);
  if (!isFolder(launch.cwd)) {
    throw new ApiError(
      'not_found',
      `Cannot start a local shell in ${launch.cwd}: that folder does not exist. Check that your home folder is reachable, then try again.`,
    );
  }
  const file = launch.candidates.find((candidate) => isRunnable(candidate, platform));
  if (!file) {
    throw new ApiError(
      'not_found',
      `No shell to start: none of ${launch.candidates.join(', ')} can be run. Set SHELL to your shell's full path and restart ClusterDeck.`,
    );
  }
  const pty = await loadNodePty();
  let child: IPty;
  try {
    child = pty.spawn(file, launch.args, {
      name: 'xterm-256color',
      cols: request.cols,
      rows: request.rows,
      cwd: launch.cwd,
      env: launch.env,
      // Raw bytes: the batcher decodes, so flow control counts what really crossed the pty.
      encoding: null,
    });
  } catch (err) {
    throw new ApiError('internal', `Could not start ${file}: ${err instanceof Error ? err.message : String(err)}. Try again; if it persists, see the app log.`);
  }
  return { source: ptySource(child, platform), title: localShellTitle(file), pid: child.pid };
}

function ptySource(child: IPty, platform: NodeJS.Platform): TerminalSource {
  const listeners = createSourceListeners();
  let closing = false;
  let killTimer: ReturnType<typeof setTimeout> | undefined;

  // With encoding null node-pty hands over Buffers, though its typings say string.
  const dataSubscription = child.onData((data: string | Buffer) => {
    listeners.emitData(typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
  });
  const exitSubscription = child.onExit(({ exitCode, signal }) => {
    if (killTimer !== undefined) clearTimeout(killTimer);
    dataSubscription.dispose();
    exitSubscription.dispose();
    listeners.finish({
      code: signal ? null : exitCode,
      signal: signal ? signalName(signal) : null,
      reason: closing ? 'closed' : 'exited',
    });
  });

  return {
    onData: listeners.onData,
    onExit: listeners.onExit,
    pause: () => child.pause(),
    resume: () => child.resume(),
    write(input) {
      if (!listeners.exited()) child.write(input);
    },
    resize(cols, rows) {
      if (!listeners.exited()) child.resize(cols, rows);
    },
    close() {
      if (listeners.exited() || closing) return;
      closing = true;
      // A paused pty would hold its output (and on some systems its exit) back.
      child.resume();
      if (platform === 'win32') {
        child.kill();
      } else {
        // destroy() closes the master side (the kernel hangs up the shell's foreground job) and
        // then SIGHUPs the shell. It exists on node-pty 1.x terminals but not in its typings.
        const destroyable = child as IPty & { destroy?: () => void };
        if (destroyable.destroy) destroyable.destroy();
        else child.kill('SIGHUP');
        killTimer = setTimeout(() => child.kill('SIGKILL'), KILL_AFTER_MS);
        killTimer.unref();
      }
    },
  };
}

function signalName(signal: number): string {
  const entry = Object.entries(osConstants.signals).find(([, number]) => number === signal);
  return entry ? entry[0] : `signal ${signal}`;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function isRunnable(file: string, platform: NodeJS.Platform): boolean {
  // A bare name (cmd.exe) is found on PATH by the OS when it starts.
  if (!/[\\/]/.test(file)) return true;
  try {
    accessSync(file, platform === 'win32' ? fsConstants.F_OK : fsConstants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}
