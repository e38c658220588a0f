/**
 * The log commands: `journalctl --output short-iso -u UNIT -n N [--since
 * @EPOCH] [-f] --no-pager [-p LEVEL]` for units and `docker-compose -f F -p P
 * logs --tail N [-f] --timestamps --no-color` in the halfstack dir for
 * compose services. short-iso rather than the guide's `cat`: the merged view
 * needs each line's time.
 *
 * Backend.AI writes its log to stdout, which journald stores at priority
 * info whatever the level (see journalctl-short-iso-priority-warning.txt), so
 * `-p` finds nothing: filter levels on the parsed lines instead (logFilter.ts).
 */
import type { ComposeCli, ServiceEntry } from '../../../../common/contract/schemas/services';
import { composeArgv } from '../../catalog/composeCommands';
import { remoteCommand, type RemoteCommand } from '../../catalog/remoteCommand';
import type { LogLevel } from './logEntry';

export type JournalOutput = 'short-iso' | 'short-iso-precise' | 'cat' | 'json';
export type LogFormat = 'journal-short-iso' | 'journal-cat' | 'journal-json' | 'compose';

export interface LogQuery {
  /** Last N lines, 'all', default 500. */
  lines?: number | 'all';
  since?: Date | null;
  follow?: boolean;
  /** journalctl -p; see the note above before using it for Backend.AI units. */
  priority?: LogLevel | null;
  journalOutput?: JournalOutput;
}

export interface LogCommand extends RemoteCommand {
  format: LogFormat;
  /** The tool cannot filter by time (compose v1): drop older lines after parsing. */
  filterSinceLocally: boolean;
}

export const DEFAULT_LOG_LINES = 500;
export const MAX_LOG_LINES = 1_000_000;

// journalctl(1) -p takes syslog names.
const SYSLOG_PRIORITY: Record<LogLevel, string> = { debug: 'debug', info: 'info', warning: 'warning', error: 'err', critical: 'crit' };

function lineCount(lines: LogQuery['lines']): string {
  if (lines === 'all') return 'all';
  const n = lines ?? DEFAULT_LOG_LINES;
  if (!Number.isInteger(n) || n < 1 || n > MAX_LOG_LINES) throw new RangeError(`Lines must be a whole number from 1 to ${MAX_LOG_LINES}, or all.`);
  return String(n);
}

export function journalLogsCommand(unit: string, query: LogQuery = {}, options: { sudo?: boolean } = {}): LogCommand {
  const output = query.journalOutput ?? 'short-iso';
  const argv = ['journalctl', '--output', output, '-u', unit, '-n', lineCount(query.lines)];
  // @EPOCH: the one --since form every systemd since 2013 reads the same in any time zone (252 refuses ISO's "T").
  if (query.since) argv.push('--since', `@${Math.floor(query.since.getTime() / 1000)}`);
  if (query.follow) argv.push('-f');
  argv.push('--no-pager');
  if (query.priority) argv.push('-p', SYSLOG_PRIORITY[query.priority]);
  const format: LogFormat = output === 'cat' ? 'journal-cat' : output === 'json' ? 'journal-json' : 'journal-short-iso';
  return { ...remoteCommand(argv, { sudo: options.sudo ?? false }), format, filterSinceLocally: false };
}

export function composeLogsCommand(service: Extract<ServiceEntry, { kind: 'compose' }>, cli: ComposeCli, query: LogQuery = {}, options: { sudo?: boolean } = {}): LogCommand {
  const args = ['logs', '--tail', lineCount(query.lines)];
  if (query.follow) args.push('-f');
  args.push('--timestamps', '--no-color');
  // Compose v1 (1.29) has no --since; v2 has.
  const sinceRemote = query.since && cli === 'docker compose';
  if (sinceRemote && query.since) args.push('--since', query.since.toISOString());
  return {
    ...remoteCommand(composeArgv(cli, service, args), { cwd: service.halfstackDir, sudo: options.sudo ?? false }),
    format: 'compose',
    filterSinceLocally: Boolean(query.since) && !sinceRemote,
  };
}

export function serviceLogsCommand(service: ServiceEntry, query: LogQuery = {}, options: { composeCli?: ComposeCli | null; sudo?: boolean } = {}): LogCommand {
  if (service.kind === 'systemd') return journalLogsCommand(service.unit, query, options);
  return composeLogsCommand(service, options.composeCli ?? 'docker-compose', query, options);
}
