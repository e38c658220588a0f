import { describe, expect, it } from 'vitest';
import type { ComposeService } from '../../../common/contract/schemas/services';
import { composeCommand } from '../../../main/core/catalog/composeCommands';
import { systemctlCommand } from '../../../main/core/catalog/systemdCommands';

const redis: ComposeService = {
  id: 'redis', role: 'redis', nodeId: 'n1', label: 'Redis', tier: 0, critical: true, optional: false,
  kind: 'compose', halfstackDir: '/home/lablup/half stack', composeFile: 'docker-compose.hs.redis.yaml', composeProject: 'halfstack',
  containerPatterns: ['halfstack-redis'],
};

describe('systemd commands', () => {
  it.each(['start', 'stop', 'restart'] as const)('%s runs `sudo systemctl %s UNIT`', (action) => {
    expect(systemctlCommand('backendai-manager.service', action)).toEqual({
      argv: ['systemctl', action, '--', 'backendai-manager.service'],
      sudo: true,
      display: `sudo systemctl ${action} -- backendai-manager.service`,
    });
  });

  it('reads status without sudo and without a pager', () => {
    expect(systemctlCommand('backendai-agent.service', 'status')).toMatchObject({ argv: ['systemctl', 'status', '--no-pager', '--full', '--lines=20', '--', 'backendai-agent.service'], sudo: false });
  });
});

describe('compose commands', () => {
  it.each([
    ['start', ['up', '-d']],
    ['stop', ['down']],
    ['restart', ['restart']],
    ['status', ['ps']],
  ] as const)('%s is the guide\'s docker-compose -f FILE -p PROJECT %s, in the halfstack dir', (action, verb) => {
    const command = composeCommand(redis, 'docker-compose', action);
    expect(command.argv).toEqual(['docker-compose', '-f', 'docker-compose.hs.redis.yaml', '-p', 'halfstack', ...verb]);
    expect(command.cwd).toBe('/home/lablup/half stack');
    expect(command.sudo).toBe(false);
  });

  it('uses the docker compose plugin (v2) when asked', () => {
    expect(composeCommand(redis, 'docker compose', 'start').argv.slice(0, 3)).toEqual(['docker', 'compose', '-f']);
  });

  it('keeps the working directory out of the argv and quotes it in the display only', () => {
    const command = composeCommand(redis, 'docker-compose', 'stop');
    expect(command.argv.join(' ')).not.toContain('cd ');
    expect(command.display).toBe("cd '/home/lablup/half stack' && docker-compose -f docker-compose.hs.redis.yaml -p halfstack down");
  });
});
