/**
 * The last lines a service wrote, shown next to a failed state so the
 * operator sees why without opening the log view: the guide's
 * `journalctl --output cat -u UNIT` for units, `docker-compose -f F -p P logs`
 * for compose services (in the halfstack dir), cut to the last N lines.
 */
import type { ComposeCli, ServiceEntry } from '../../../../common/contract/schemas/services';
import { composeArgv } from '../../catalog/composeCommands';
import { remoteCommand, type RemoteCommand } from '../../catalog/remoteCommand';

export function journalTailCommand(service: ServiceEntry, lines: number, composeCli: ComposeCli | null): RemoteCommand {
  if (service.kind === 'systemd') {
    return remoteCommand(['journalctl', '--output', 'cat', '--no-pager', '-n', String(lines), '-u', service.unit]);
  }
  return remoteCommand(composeArgv(composeCli ?? 'docker-compose', service, ['logs', '--no-color', '--tail', String(lines)]), { cwd: service.halfstackDir });
}

/** journalctl prints this when there is nothing to show; not worth a panel. */
export function isEmptyJournal(text: string): boolean {
  return text.trim() === '' || text.trim() === '-- No entries --';
}
