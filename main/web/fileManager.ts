/**
 * The web form's "Show in folder": the browser runs on this machine (the
 * server binds to loopback), so the server opens the platform's file manager
 * on a backup's file. argv only, no shell: a path is never parsed as a command.
 * Linux opens the folder (xdg-open cannot select a file); macOS and Windows
 * select the file in it.
 */
import { spawn } from 'node:child_process';
import { dirname } from 'node:path';

export interface FileManagerCommand {
  command: string;
  args: string[];
  /** explorer.exe exits 1 even when it opened the window. */
  exitCodeMeansFailure: boolean;
}

export function fileManagerCommand(path: string, platform: NodeJS.Platform = process.platform): FileManagerCommand {
  if (platform === 'darwin') return { command: 'open', args: ['-R', '--', path], exitCodeMeansFailure: true };
  // "/select," and the path as two arguments: Node quotes a path with spaces, which explorer accepts after the comma.
  if (platform === 'win32') return { command: 'explorer.exe', args: ['/select,', path], exitCodeMeansFailure: false };
  return { command: 'xdg-open', args: [dirname(path)], exitCodeMeansFailure: true };
}

/** How long a launcher may take to say it failed; after that it is taken as started. */
const SETTLE_MS = 3000;

/**
 * Runs the launcher detached. Rejects (with a sentence) when it cannot start
 * or exits non-zero within SETTLE_MS, e.g. xdg-open on a machine without a desktop.
 */
export function launchFileManager(cmd: FileManagerCommand): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd.command, cmd.args, { detached: true, stdio: ['ignore', 'ignore', 'pipe'], windowsHide: false, shell: false });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      if (stderr.length < 2000) stderr += d.toString('utf8');
    });
    const timer = setTimeout(() => {
      child.stderr.destroy();
      child.unref();
      resolve();
    }, SETTLE_MS);
    child.once('error', (err: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(new Error(err.code === 'ENOENT' ? `${cmd.command} is not installed on this machine` : `${cmd.command} did not start: ${err.message}`));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (code === 0 || !cmd.exitCodeMeansFailure) resolve();
      // The last line is the verdict (xdg-open first lists each browser it tried).
      else reject(new Error(`${cmd.command} exited with ${String(code)}${stderr.trim() ? `: ${stderr.trim().split('\n').pop() ?? ''}` : ''}`));
    });
  });
}

export function revealInFileManager(path: string): Promise<void> {
  return launchFileManager(fileManagerCommand(path));
}
