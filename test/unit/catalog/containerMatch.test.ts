import { describe, expect, it } from 'vitest';
import type { ComposeService } from '../../../common/contract/schemas/services';
import { containersOfService, globToRegExp } from '../../../main/core/catalog/containerMatch';
import { parseDockerPsJson, type DockerContainer } from '../../../main/core/catalog/dockerPs';
import { fixture } from './fixtureFiles';

const postgres: ComposeService = {
  id: 'postgres', role: 'postgres', nodeId: 'n1', label: 'PostgreSQL', tier: 0, critical: true, optional: false,
  kind: 'compose', halfstackDir: '/home/lablup/halfstack', composeFile: 'docker-compose.hs.postgres.yaml', composeProject: 'halfstack',
  containerPatterns: ['halfstack-db', 'backendai-halfstack-db*', '*half-db*', 'bai-postgres*'],
};

const named = (name: string, labels: Record<string, string> = {}): DockerContainer => ({ id: name, name, image: '', state: 'running', status: 'Up', labels, createdAt: '', ports: '' });

describe('which containers are a compose service', () => {
  it('takes the container compose made from the service\'s file in its project', () => {
    const { containers } = parseDockerPsJson(fixture('compose/docker-ps-json-troubled.txt'));
    expect(containersOfService(postgres, containers).map((c) => c.name)).toEqual(['halfstack-db']);
  });

  it('matches an absolute config_files label (compose v2) by file name', () => {
    const c = named('whatever', { 'com.docker.compose.project': 'halfstack', 'com.docker.compose.project.config_files': '/home/lablup/halfstack/docker-compose.hs.postgres.yaml' });
    expect(containersOfService(postgres, [c, named('halfstack-db')])).toEqual([c]);
  });

  it.each([
    ['halfstack-db', true],
    ['backendai-halfstack-db-1', true],
    ['halfstack_backendai-half-db_1', true],
    ['bai-postgres', true],
    ['halfstack-dbx', false],
    ['halfstack-redis', false],
  ])('falls back to the name patterns: %s -> %s', (name, matches) => {
    expect(containersOfService(postgres, [named(name)]).length > 0).toBe(matches);
  });

  it('treats glob characters literally except * and ?', () => {
    expect(globToRegExp('a.b*').test('a.bc')).toBe(true);
    expect(globToRegExp('a.b*').test('axbc')).toBe(false);
    expect(globToRegExp('db-?').test('db-1')).toBe(true);
  });
});
