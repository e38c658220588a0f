import { describe, expect, it } from 'vitest';
import { classifyDockerError } from '../../../main/core/catalog/dockerErrors';
import { parseInspectStates } from '../../../main/core/catalog/dockerInspectState';
import { parseDockerPsJson, parseLabels } from '../../../main/core/catalog/dockerPs';
import { parseHumanDuration, parseStatusText } from '../../../main/core/catalog/dockerStatusText';
import { fixture } from './fixtureFiles';

describe('docker ps --format {{json .}}', () => {
  it('reads every container of a healthy halfstack, with its compose labels', () => {
    const { containers, messages } = parseDockerPsJson(fixture('compose/docker-ps-json-halfstack.txt'));
    expect(messages).toEqual([]);
    expect(containers.map((c) => [c.name, c.state, c.status])).toEqual([
      ['halfstack-db', 'running', 'Up 2 hours (healthy)'],
      ['halfstack-redis', 'running', 'Up 2 hours (healthy)'],
      ['halfstack-etcd', 'running', 'Up 2 hours'],
      ['wsproxy', 'running', 'Up 58 minutes'],
    ]);
    expect(containers[0]?.labels).toMatchObject({
      'com.docker.compose.project': 'halfstack',
      'com.docker.compose.project.config_files': 'docker-compose.hs.postgres.yaml',
      'com.docker.compose.project.working_dir': '/home/lablup/halfstack',
    });
    expect(containers[0]?.ports).toBe('0.0.0.0:8100->5432/tcp, [::]:8100->5432/tcp');
  });

  it('reads the troubled states docker reports', () => {
    const { containers } = parseDockerPsJson(fixture('compose/docker-ps-json-troubled.txt'));
    expect(containers.map((c) => c.state)).toEqual(['running', 'exited', 'restarting', 'exited', 'created', 'paused']);
    expect(containers[5]?.labels).toEqual({ 'ai.backend.kernel-id': '5f0d3b1e-2a6c-4f1e-9b8a-0c6d2e7f9a11', 'ai.backend.owner': 'i-bai-a01' });
  });

  it('keeps the CLI\'s error text as messages, and says what it means', () => {
    const denied = fixture('compose/docker-ps-permission-denied.txt');
    expect(parseDockerPsJson(denied)).toEqual({ containers: [], messages: [denied.trim()] });
    expect(classifyDockerError(denied)).toBe('permission');
    expect(classifyDockerError(fixture('compose/docker-ps-daemon-down.txt'))).toBe('daemon-down');
    expect(classifyDockerError('Error response from daemon: No such container: x')).toBeNull();
  });

  it('joins a label value that itself holds commas (several compose files)', () => {
    expect(parseLabels('com.docker.compose.project.config_files=a.yaml,b.yaml,com.docker.compose.project=hs')).toEqual({
      'com.docker.compose.project.config_files': 'a.yaml,b.yaml',
      'com.docker.compose.project': 'hs',
    });
  });
});

describe('docker STATUS text', () => {
  it.each([
    ['Up 2 hours (healthy)', { upSeconds: 7200, health: 'healthy', exitCode: null }],
    ['Up 4 seconds (health: starting)', { upSeconds: 4, health: 'starting' }],
    ['Up 40 seconds (unhealthy)', { upSeconds: 40, health: 'unhealthy' }],
    ['Exited (137) 2 days ago', { exitCode: 137, agoSeconds: 172_800 }],
    ['Restarting (1) 3 seconds ago', { exitCode: 1, agoSeconds: 3 }],
    ['Up 15 minutes (Paused)', { upSeconds: 900, paused: true }],
    ['Up About an hour', { upSeconds: 3600 }],
    ['Created', { upSeconds: null, exitCode: null }],
  ])('reads %j', (status, expected) => {
    expect(parseStatusText(status)).toMatchObject(expected);
  });

  it.each([
    ['Less than a second', 0],
    ['About a minute', 60],
    ['3 weeks', 1_814_400],
    ['someday', null],
  ])('reads the duration %j', (text, seconds) => {
    expect(parseHumanDuration(text)).toBe(seconds);
  });
});

describe('docker inspect State', () => {
  it('reads start time, restart count, health and exit code per container', () => {
    const states = parseInspectStates(fixture('compose/docker-inspect-state-troubled.txt'));
    expect(states.get('halfstack-db')).toMatchObject({ restartCount: 2, health: 'unhealthy', status: 'running', pid: 4242 });
    expect(states.get('halfstack-etcd')).toMatchObject({ restartCount: 7, status: 'restarting', exitCode: 1, pid: null });
    expect(states.get('backendai-halfstack-db-2')).toMatchObject({ startedAt: null, finishedAt: null, status: 'created' });
    expect(states.get('halfstack-db')?.startedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });
});
