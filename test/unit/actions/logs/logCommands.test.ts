import { describe, expect, it } from 'vitest';
import type { ComposeService, SystemdService } from '../../../../common/contract/schemas/services';
import { composeLogsCommand, journalLogsCommand, serviceLogsCommand } from '../../../../main/core/actions/logs/logCommands';

const redis: ComposeService = {
  id: 'redis', role: 'redis', nodeId: 'n1', label: 'Redis', tier: 0, critical: true, optional: false,
  kind: 'compose', halfstackDir: '/home/lablup/halfstack', composeFile: 'docker-compose.hs.redis.yaml', composeProject: 'halfstack', containerPatterns: ['halfstack-redis'],
};
const manager: SystemdService = { id: 'manager', role: 'manager', nodeId: 'n1', label: 'Manager', tier: 1, critical: true, optional: false, kind: 'systemd', unit: 'backendai-manager.service' };

describe('log commands', () => {
  it('follows the last N lines of a unit in short-iso since a time, as @epoch', () => {
    const command = journalLogsCommand('backendai-manager.service', { lines: 200, since: new Date('2024-04-23T12:06:31.900Z'), follow: true, priority: 'error' });
    expect(command.argv).toEqual(['journalctl', '--output', 'short-iso', '-u', 'backendai-manager.service', '-n', '200', '--since', '@1713873991', '-f', '--no-pager', '-p', 'err']);
    expect(command).toMatchObject({ format: 'journal-short-iso', sudo: false, filterSinceLocally: false });
  });

  it('reads the guide\'s cat output and json when asked', () => {
    expect(journalLogsCommand('u.service', { journalOutput: 'cat' }).format).toBe('journal-cat');
    expect(journalLogsCommand('u.service', { journalOutput: 'json', lines: 'all' }).argv).toContain('all');
  });

  it('refuses a line count that is not a whole number in range', () => {
    expect(() => journalLogsCommand('u.service', { lines: 0 })).toThrow(/1 to/);
    expect(() => journalLogsCommand('u.service', { lines: 2.5 })).toThrow(/whole number/);
  });

  it('tails compose logs with timestamps and no colour, in the halfstack dir', () => {
    const command = composeLogsCommand(redis, 'docker-compose', { lines: 100, follow: true });
    expect(command.argv).toEqual(['docker-compose', '-f', 'docker-compose.hs.redis.yaml', '-p', 'halfstack', 'logs', '--tail', '100', '-f', '--timestamps', '--no-color']);
    expect(command.cwd).toBe('/home/lablup/halfstack');
  });

  it('asks compose v2 for --since, and filters locally for v1 which has none', () => {
    const since = new Date('2024-04-23T12:00:00Z');
    const v2 = composeLogsCommand(redis, 'docker compose', { since });
    expect(v2.argv.slice(-2)).toEqual(['--since', '2024-04-23T12:00:00.000Z']);
    expect(v2.filterSinceLocally).toBe(false);
    const v1 = composeLogsCommand(redis, 'docker-compose', { since });
    expect(v1.argv).not.toContain('--since');
    expect(v1.filterSinceLocally).toBe(true);
  });

  it('picks the right command for the kind of service', () => {
    expect(serviceLogsCommand(manager).argv[0]).toBe('journalctl');
    expect(serviceLogsCommand(redis, {}, { composeCli: 'docker compose' }).argv.slice(0, 2)).toEqual(['docker', 'compose']);
  });
});
