import { describe, expect, it } from 'vitest';
import type { Role } from '../../../../common/contract/schemas/profiles';
import type { ServiceEntry } from '../../../../common/contract/schemas/services';
import { resolveServices } from '../../../../main/core/catalog/resolveServices';
import { startBatches, stopBatches } from '../../../../main/core/actions/control/clusterOrder';
import { buildControlCommand } from '../../../../main/core/actions/control/controlCommand';
import { confirmationFor } from '../../../../main/core/actions/control/controlConfirmation';

const services = (roles: Role[], id = 'n1'): ServiceEntry[] => resolveServices({ halfstackDir: '/home/lablup/halfstack', composeProject: 'halfstack' }, { id, roles }, []);
const one = (role: Role): ServiceEntry => {
  const s = services([role])[0];
  if (!s) throw new Error(role);
  return s;
};

describe('control commands', () => {
  it('restarts a unit with sudo systemctl', () => {
    expect(buildControlCommand(one('manager'), 'restart')).toMatchObject({ argv: ['systemctl', 'restart', '--', 'backendai-manager.service'], sudo: true });
  });

  it('stops the halfstack PostgreSQL with the guide\'s down, in the halfstack dir', () => {
    expect(buildControlCommand(one('postgres'), 'stop')).toMatchObject({
      argv: ['docker-compose', '-f', 'docker-compose.hs.postgres.yaml', '-p', 'halfstack', 'down'],
      cwd: '/home/lablup/halfstack',
      sudo: false,
    });
  });

  it('uses docker compose where the sweep found no docker-compose, and sudo when docker needs it', () => {
    expect(buildControlCommand(one('redis'), 'start', { composeCli: 'docker compose', composeSudo: true })).toMatchObject({
      argv: ['docker', 'compose', '-f', 'docker-compose.hs.redis.yaml', '-p', 'halfstack', 'up', '-d'],
      sudo: true,
    });
  });
});

describe('confirmations', () => {
  const cluster = { name: 'acme-prod', isProduction: false };
  const at = (role: Role) => [{ service: one(role), nodeName: 'bai-m1' }];

  it('lets an agent restart go without asking', () => {
    expect(confirmationFor(cluster, 'restart', at('agent'))).toEqual({ kind: 'none' });
  });

  it('asks before stopping PostgreSQL, naming the node, cluster and command', () => {
    const c = confirmationFor(cluster, 'stop', at('postgres'));
    expect(c.kind).toBe('confirm');
    expect(c.kind === 'confirm' && c.message).toBe(
      'Stop in cluster acme-prod:\n' +
        'PostgreSQL on bai-m1: take down docker-compose.hs.postgres.yaml of compose project halfstack (down stops and removes its containers; the data stays in its volumes) (`cd /home/lablup/halfstack && docker-compose -f docker-compose.hs.postgres.yaml -p halfstack down`)\n' +
        'The Backend.AI services that depend on it lose it until it is back.',
    );
  });

  it.each(['manager', 'etcd', 'redis'] as const)('asks before restarting the %s', (role) => {
    expect(confirmationFor(cluster, 'restart', at(role)).kind).toBe('confirm');
  });

  it('does not ask to start a critical service', () => {
    expect(confirmationFor(cluster, 'start', at('postgres')).kind).toBe('none');
  });

  it('asks for the name of a production cluster for every action', () => {
    const c = confirmationFor({ name: 'acme-prod', isProduction: true }, 'start', at('agent'));
    expect(c).toMatchObject({ kind: 'type-name', name: 'acme-prod' });
    expect(c.kind === 'type-name' && c.message).toContain('type its name');
  });
});

describe('start and stop cluster order', () => {
  const all = [...services(['manager', 'webserver', 'wsproxy', 'postgres', 'redis', 'etcd', 'storage-proxy'], 'm1'), ...services(['agent'], 'a1'), ...services(['agent'], 'a2')];

  it('starts the halfstack, then manager and storage proxy, then agents, then web server and proxies', () => {
    expect(startBatches(all).map((batch) => batch.map((s) => `${s.id}@${s.nodeId}`))).toEqual([
      ['postgres@m1', 'redis@m1', 'etcd@m1'],
      ['manager@m1', 'storage-proxy@m1'],
      ['agent@a1', 'watcher@a1', 'agent@a2', 'watcher@a2'],
      ['webserver@m1', 'wsproxy@m1'],
    ]);
  });

  it('stops in the reverse order', () => {
    expect(stopBatches(all).map((batch) => batch[0]?.id)).toEqual(['webserver', 'agent', 'manager', 'postgres']);
  });
});
