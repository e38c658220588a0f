/**
 * The guide's systemd commands as argv: `sudo systemctl start|stop|restart
 * UNIT` and `systemctl status UNIT`. Status needs no root; control does.
 */
import { remoteCommand, type RemoteCommand } from './remoteCommand';

export type SystemdAction = 'start' | 'stop' | 'restart' | 'status';

export function systemctlCommand(unit: string, action: SystemdAction): RemoteCommand {
  if (action === 'status') return remoteCommand(['systemctl', 'status', '--no-pager', '--full', '--lines=20', '--', unit]);
  return remoteCommand(['systemctl', action, '--', unit], { sudo: true });
}
