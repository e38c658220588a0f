/**
 * The command for start / stop / restart / status of one service, as the
 * guide writes it: `sudo systemctl ACTION UNIT` for units; `docker-compose
 * -f FILE -p PROJECT up -d | down | restart | ps` in the halfstack dir for
 * compose services, with `docker compose` where the node has no docker-compose.
 */
import type { ComposeCli, ServiceEntry } from '../../../../common/contract/schemas/services';
import { composeCommand } from '../../catalog/composeCommands';
import type { RemoteCommand } from '../../catalog/remoteCommand';
import { systemctlCommand } from '../../catalog/systemdCommands';

export type ControlAction = 'start' | 'stop' | 'restart';
export type ServiceAction = ControlAction | 'status';

export interface ControlOptions {
  /** From the node's last sweep; before any sweep, the guide's docker-compose. */
  composeCli?: ComposeCli | null;
  /** Compose through sudo, for nodes where the SSH user is not in the docker group. */
  composeSudo?: boolean;
}

export function buildControlCommand(service: ServiceEntry, action: ServiceAction, options: ControlOptions = {}): RemoteCommand {
  if (service.kind === 'systemd') return systemctlCommand(service.unit, action);
  return composeCommand(service, options.composeCli ?? 'docker-compose', action, { sudo: options.composeSudo ?? false });
}

/** What the action does, in the operator's words, for confirmations and the activity log. */
export function describeAction(service: ServiceEntry, action: ControlAction): string {
  if (service.kind === 'systemd') return `${action} unit ${service.unit}`;
  const what = `${service.composeFile} of compose project ${service.composeProject}`;
  if (action === 'start') return `bring up ${what} (up -d)`;
  if (action === 'stop') return `take down ${what} (down stops and removes its containers; the data stays in its volumes)`;
  return `restart ${what}`;
}
