import { describe, expect, it } from 'vitest';
import { parseComposePs } from '../../../main/core/catalog/composePs';
import { fixture } from './fixtureFiles';

describe('docker-compose ps', () => {
  it.each([
    ['docker-compose-1.29-ps-postgres.txt', [{ name: 'halfstack-db', state: 'running', health: 'healthy', status: 'Up (healthy)' }]],
    ['docker-compose-1.29-ps-postgres-unhealthy.txt', [{ name: 'halfstack-db', state: 'running', health: 'unhealthy' }]],
    ['docker-compose-1.29-ps-redis-exited.txt', [{ name: 'halfstack-redis', state: 'exited', exitCode: 0, health: null }]],
    ['docker-compose-v2.21-ps-postgres.txt', [{ name: 'halfstack-db', service: 'backendai-half-db', state: 'running', health: 'healthy' }]],
    [
      'docker-compose-v2.21-ps-all-troubled.txt',
      [
        { name: 'halfstack-db', state: 'running', health: 'unhealthy', status: 'Up 40 seconds (unhealthy)' },
        { name: 'halfstack-etcd', state: 'restarting', exitCode: 1 },
        { name: 'halfstack-redis', state: 'exited', exitCode: 0, status: 'Exited (0) 6 minutes ago' },
      ],
    ],
    [
      'docker-compose-v2.21-ps-json.txt',
      [
        { name: 'halfstack-db', service: 'backendai-half-db', state: 'running', health: 'healthy' },
        { name: 'halfstack-redis', state: 'exited', exitCode: 0, health: null },
      ],
    ],
  ])('reads %s', (file, rows) => {
    const parsed = parseComposePs(fixture(`compose/${file}`));
    expect(parsed).toHaveLength(rows.length);
    rows.forEach((row, i) => expect(parsed[i]).toMatchObject(row));
  });

  it('reads the JSON array older v2 releases print', () => {
    const lines = fixture('compose/docker-compose-v2.21-ps-json.txt').trim().split('\n');
    expect(parseComposePs(`[${lines.join(',')}]`).map((r) => r.name)).toEqual(['halfstack-db', 'halfstack-redis']);
  });

  it('finds no rows in an error', () => {
    expect(parseComposePs(fixture('compose/docker-compose-1.29-missing-file.txt'))).toEqual([]);
    expect(parseComposePs('')).toEqual([]);
  });
});
