/**
 * A command for one node, as data: the argv (quoted only by the SSH engine's
 * quoteArgv), the remote working directory as its own field (never a `cd`
 * inside a string), and whether the guide runs it with sudo.
 */
import { quoteArgv } from '../ssh/quoteArgv';

export interface RemoteCommand {
  argv: string[];
  /** Remote working directory; compose commands run in the halfstack dir. */
  cwd?: string;
  /** Needs root: the guide writes `sudo systemctl start ...`. */
  sudo: boolean;
  /** What the operator would type, for the result panel and the activity log. */
  display: string;
}

export function remoteCommand(argv: string[], options: { cwd?: string; sudo?: boolean } = {}): RemoteCommand {
  const sudo = options.sudo ?? false;
  const line = `${sudo ? 'sudo ' : ''}${quoteArgv(argv)}`;
  return {
    argv,
    ...(options.cwd !== undefined ? { cwd: options.cwd } : {}),
    sudo,
    display: options.cwd !== undefined ? `cd ${quoteArgv([options.cwd])} && ${line}` : line,
  };
}
