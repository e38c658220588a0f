/** Where the web form keeps its data: --data-dir, else the XDG data dir, else ~/.local/share. */
import os from 'node:os';
import path from 'node:path';

export function resolveDataDir(given: string | undefined, env: NodeJS.ProcessEnv = process.env, home = os.homedir()): string {
  if (given && given.trim() !== '') return path.resolve(given);
  const xdg = env.XDG_DATA_HOME;
  // The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored.
  if (xdg && path.isAbsolute(xdg)) return path.join(xdg, 'clusterdeck');
  return path.join(home, '.local', 'share', 'clusterdeck');
}
