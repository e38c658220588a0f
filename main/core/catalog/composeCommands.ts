/**
 * The guide's compose commands as argv, run in the halfstack dir:
 * `docker-compose -f FILE -p PROJECT up -d | down | restart | ps` (v1), or
 * `docker compose ...` (v2) on nodes without the docker-compose binary.
 */
import type { ComposeCli, ComposeService } from '../../../common/contract/schemas/services';
import { remoteCommand, type RemoteCommand } from './remoteCommand';

export type ComposeAction = 'start' | 'stop' | 'restart' | 'status';

/** start is `up -d` and stop is `down`, as in the guide (down also removes the containers; data stays in volumes). */
const VERB: Record<ComposeAction, string[]> = {
  start: ['up', '-d'],
  stop: ['down'],
  restart: ['restart'],
  status: ['ps'],
};

export function composeArgv(cli: ComposeCli, service: Pick<ComposeService, 'composeFile' | 'composeProject'>, args: readonly string[]): string[] {
  const program = cli === 'docker-compose' ? ['docker-compose'] : ['docker', 'compose'];
  return [...program, '-f', service.composeFile, '-p', service.composeProject, ...args];
}

export function composeCommand(service: ComposeService, cli: ComposeCli, action: ComposeAction, options: { sudo?: boolean } = {}): RemoteCommand {
  return remoteCommand(composeArgv(cli, service, VERB[action]), { cwd: service.halfstackDir, sudo: options.sudo ?? false });
}
