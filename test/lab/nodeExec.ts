/**
 * Runs a host program "on" a lab node: inside the node's network namespace and
 * a fresh UTS namespace whose hostname is the node's name, so `hostname`, sudo
 * host rules and the node tools all see the node's identity.
 */
import { type CommandOptions, type CommandResult, mustRun, runCommand } from './hostCommand';
import { netnsOf, nodeToolsBin } from './labLayout';

export function nodeArgv(node: string, argv: string[]): string[] {
  // "$0" is the node name, the rest is the command; no string is ever parsed by the shell.
  return ['ip', 'netns', 'exec', netnsOf(node), 'unshare', '--uts', '--', 'sh', '-c', 'hostname "$0" && exec "$@"', node, ...argv];
}

/** The environment root's commands get on a node: node tools first, like the lab users' sessions. */
export function nodeEnv(): NodeJS.ProcessEnv {
  return { ...process.env, PATH: `${nodeToolsBin}:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin` };
}

export function runOnNode(node: string, argv: string[], options: CommandOptions = {}): Promise<CommandResult> {
  return runCommand(nodeArgv(node, argv), { env: nodeEnv(), ...options });
}

export function mustRunOnNode(node: string, argv: string[], options: CommandOptions = {}): Promise<string> {
  return mustRun(nodeArgv(node, argv), { env: nodeEnv(), ...options });
}
