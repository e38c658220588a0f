import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../../common/contract/schemas/profiles';
import { ServiceOverride, type ServiceEntry } from '../../../../common/contract/schemas/services';
import { resolveServices } from '../../../../main/core/catalog/resolveServices';
import { buildStatusSweep, failedSweep, parseSweepOutput } from '../../../../main/core/actions/status/statusSweep';
import { FIXTURES, fixture, framed, runInSh, TEST_NONCE, withEmptyDir } from '../../catalog/fixtureFiles';

const scratch = mkdtempSync(join(tmpdir(), 'cd-sweep-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function servicesOf(roles: Role[], halfstackDir = '/home/lablup/halfstack', overrides: ServiceOverride[] = []): ServiceEntry[] {
  return resolveServices({ halfstackDir, composeProject: 'halfstack' }, { id: 'n1', roles }, overrides);
}

const byId = (sweep: ReturnType<typeof parseSweepOutput>) => Object.fromEntries(sweep.statuses.map((s) => [s.serviceId, s]));

describe('status sweep script in a real sh', () => {
  it('reports every service unknown (not installed) on a node without systemctl or docker', () => {
    const services = servicesOf(['manager', 'agent', 'postgres', 'wsproxy']);
    const plan = buildStatusSweep(services, { nonce: TEST_NONCE });
    expect(plan.command.argv[0]).toBe('sh');
    const { stdout, status } = withEmptyDir((dir) => runInSh(plan.command.argv[2] ?? '', { PATH: dir, HOME: dir }));
    expect(status).toBe(0);
    const sweep = parseSweepOutput(stdout, services);
    expect(sweep.facts).toEqual({ hasSystemctl: false, hasDocker: false, hasDockerCompose: false, composeCli: null, dockerAccess: 'missing' });
    for (const s of sweep.statuses) expect([s.serviceId, s.state, s.reason]).toEqual([s.serviceId, 'unknown', 'not-installed']);
    expect(sweep.statuses.map((s) => s.serviceId)).toEqual(['manager', 'agent', 'watcher', 'wsproxy', 'postgres']);
  });

  it('turns real tool outputs into each service\'s state, through the one script', () => {
    const bin = join(scratch, 'bin');
    const halfstack = join(scratch, 'half stack');
    for (const dir of [bin, halfstack]) mkdirSync(dir, { recursive: true });
    writeFileSync(join(halfstack, 'docker-compose.hs.postgres.yaml'), 'services: {}\n');
    writeFileSync(join(halfstack, 'docker-compose.hs.redis.yaml'), 'services: {}\n');
    tool(bin, 'systemctl', `case "$1" in show) exec /bin/cat '${FIXTURES}/systemd/systemctl-show-several-units.txt';; esac; exit 1`);
    tool(bin, 'docker', [
      'case "$*" in',
      `  "ps -a --format {{json .}}") exec /bin/cat '${FIXTURES}/compose/docker-ps-json-troubled.txt';;`,
      '  "ps -aq --filter label=com.docker.compose.project") echo 58bb122a5180; exit 0;;',
      `  "inspect --format {{.Name}} {{.RestartCount}} {{json .State}} 58bb122a5180") exec /bin/cat '${FIXTURES}/compose/docker-inspect-state-troubled.txt';;`,
      'esac',
      'echo "unexpected: docker $*" >&2; exit 2',
    ].join('\n'));
    const services = servicesOf(['manager', 'agent', 'webserver', 'storage-proxy', 'wsproxy', 'postgres', 'redis', 'etcd'], halfstack, [
      ServiceOverride.parse({ role: 'webserver', unit: 'backendai-console-server' }),
      ServiceOverride.parse({ role: 'agent', serviceId: 'watcher', disabled: true }),
      ServiceOverride.parse({ role: 'storage-proxy', unit: 'backendai-nosuch' }),
    ]);
    const plan = buildStatusSweep(services, { nonce: TEST_NONCE });
    const { stdout } = runInSh(plan.command.argv[2] ?? '', { PATH: bin, HOME: scratch });
    const sweep = parseSweepOutput(stdout, services, { now: new Date('2026-11-29T04:00:00Z') });
    expect(sweep.facts).toEqual({ hasSystemctl: true, hasDocker: true, hasDockerCompose: false, composeCli: 'docker compose', dockerAccess: 'ok' });
    const s = byId(sweep);
    const managerPid = Number(/^MainPID=(\d+)$/m.exec(fixture('systemd/systemctl-show-several-units.txt'))?.[1]);
    expect(s.manager).toMatchObject({ state: 'running', mainPid: managerPid, restarts: 0, detail: 'active (running)' });
    expect(s.webserver).toMatchObject({ state: 'starting', detail: 'activating (start)' });
    expect(s.agent).toMatchObject({ state: 'failed', detail: 'failed (failed) (Result: exit-code)' });
    expect(s['storage-proxy']).toMatchObject({ state: 'unknown', reason: 'not-installed', detail: 'Unit backendai-nosuch.service is not installed on this node.' });
    expect(s.postgres).toMatchObject({ state: 'failed', health: 'unhealthy', restarts: 2, mainPid: 4242 });
    expect(s.postgres?.detail).toMatch(/health check fails/);
    expect(s.redis).toMatchObject({ state: 'stopped', restarts: 0 });
    expect(s.etcd).toMatchObject({ state: 'restarting', restarts: 7 });
    expect(s.wsproxy).toMatchObject({ state: 'failed' });
    expect(s.wsproxy?.detail).toMatch(/^wsproxy: Exited \(1\)/);
  });
});

describe('a halfstack dir under ~', () => {
  it('is looked up in the SSH user\'s home, where quoting would have kept ~ literal', () => {
    const home = mkdtempSync(join(tmpdir(), 'cd-home-'));
    try {
      mkdirSync(join(home, 'halfstack'));
      writeFileSync(join(home, 'halfstack', 'docker-compose.hs.redis.yaml'), 'services: {}\n');
      const services = servicesOf(['redis', 'etcd'], '~/halfstack');
      const bin = join(home, 'bin');
      mkdirSync(bin);
      tool(bin, 'docker', 'exit 0');
      const { stdout } = runInSh(buildStatusSweep(services, { nonce: TEST_NONCE }).command.argv[2] ?? '', { PATH: bin, HOME: home });
      const s = byId(parseSweepOutput(stdout, services));
      expect(s.redis).toMatchObject({ state: 'stopped' });
      expect(s.etcd).toMatchObject({ state: 'unknown', reason: 'not-installed' });
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });
});

function tool(bin: string, name: string, body: string) {
  writeFileSync(join(bin, name), `#!/bin/sh\n${body}\n`);
  chmodSync(join(bin, name), 0o755);
}

describe('parseSweepOutput on captured outputs', () => {
  const unitServices = servicesOf(['manager']);
  const sweepOfUnit = (file: string) =>
    parseSweepOutput(framed([['tools', 'systemctl yes\ndocker no\ndocker-compose no\n', 0], ['units', fixture(`systemd/${file}`), 0]]), unitServices).statuses[0];

  it.each([
    ['systemctl-show-running-unit.txt', 'running', null],
    ['systemctl-show-failed-unit.txt', 'failed', null],
    ['systemctl-show-auto-restart-unit.txt', 'restarting', null],
    ['systemctl-show-activating-unit.txt', 'starting', null],
    ['systemctl-show-deactivating-unit.txt', 'stopping', null],
    ['systemctl-show-stopped-unit.txt', 'stopped', null],
    ['systemctl-show-not-found-unit.txt', 'unknown', 'not-installed'],
  ])('maps %s to %s', (file, state, reason) => {
    // Each fixture is a different unit; the sweep finds the block by order of request when the name differs.
    const services: ServiceEntry[] = unitServices.map((s) => (s.kind === 'systemd' ? { ...s, unit: fixture(`systemd/${file}`).match(/^Id=(.*)$/m)?.[1] ?? s.unit } : s));
    const status = parseSweepOutput(framed([['tools', 'systemctl yes\n', 0], ['units', fixture(`systemd/${file}`), 0]]), services).statuses[0];
    expect([status?.state, status?.reason]).toEqual([state, reason]);
  });

  it('gives the time the state began and the restart count', () => {
    const services: ServiceEntry[] = unitServices.map((s) => ({ ...s, unit: 'backendai-watcher.service' }) as ServiceEntry);
    const [status] = parseSweepOutput(framed([['tools', 'systemctl yes\n', 0], ['units', fixture('systemd/systemctl-show-auto-restart-unit.txt'), 0]]), services).statuses;
    expect(status?.restarts).toBe(3);
    expect(status?.since).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(status?.detail).toBe('activating (auto-restart) (Result: exit-code)');
  });

  it('says the node does not run systemd when systemctl cannot reach PID 1', () => {
    const status = parseSweepOutput(
      framed([['tools', 'systemctl yes\n', 0], ['units', "System has not been booted with systemd as init system (PID 1). Can't operate.\nFailed to connect to bus: Host is down\n", 1]]),
      unitServices,
    ).statuses[0];
    expect(status).toMatchObject({ state: 'unknown', reason: 'not-installed' });
    expect(status?.detail).toMatch(/does not run systemd/);
    expect(sweepOfUnit('systemctl-show-running-unit.txt')?.state).toBe('running');
  });

  const halfstack = servicesOf(['postgres', 'redis', 'etcd', 'wsproxy']);
  const dockerSweep = (ps: string, code: number, files = 'readable\nreadable\nreadable\nreadable\n', inspect = '') =>
    byId(parseSweepOutput(framed([['tools', 'systemctl yes\ndocker yes\ndocker-compose yes\n', 0], ['containers', ps, code], ['container-state', inspect, 0], ['compose-files', files, 0]]), halfstack, { now: new Date('2026-11-29T04:00:00Z') }));

  it('reads a healthy halfstack as running, since the inspected start time', () => {
    const s = dockerSweep(fixture('compose/docker-ps-json-halfstack.txt'), 0, undefined, fixture('compose/docker-inspect-state-halfstack.txt'));
    for (const id of ['postgres', 'redis', 'etcd', 'wsproxy']) expect(s[id]?.state, id).toBe('running');
    const startedAt = /^\/halfstack-db .*"StartedAt":"([^"]+)"/m.exec(fixture('compose/docker-inspect-state-halfstack.txt'))?.[1] ?? '';
    expect(s.postgres).toMatchObject({ health: 'healthy', since: new Date(startedAt).toISOString(), containers: [{ name: 'halfstack-db', state: 'running', status: 'Up 2 hours (healthy)', health: 'healthy' }] });
  });

  it('estimates the start from the STATUS text when inspect gave nothing', () => {
    const s = dockerSweep(fixture('compose/docker-ps-json-halfstack.txt'), 0);
    expect(s.wsproxy?.since).toBe('2026-11-29T03:02:00.000Z');
  });

  it('reads a container still in its health start period as starting', () => {
    const s = dockerSweep(fixture('compose/docker-ps-json-health-starting.txt'), 0);
    expect(s.postgres).toMatchObject({ state: 'starting', health: 'starting' });
  });

  it('tells a downed project (stopped) from a service that is not on this node (not installed)', () => {
    // Files in sweep order: wsproxy, postgres, redis, etcd.
    const s = dockerSweep('', 0, 'readable\nreadable\nabsent\nunreadable\n');
    expect(s.postgres).toMatchObject({ state: 'stopped', detail: 'No container: the compose project halfstack is down for docker-compose.hs.postgres.yaml.' });
    expect(s.redis).toMatchObject({ state: 'unknown', reason: 'not-installed' });
    expect(s.redis?.detail).toContain('/home/lablup/halfstack/docker-compose.hs.redis.yaml does not exist');
    expect(s.etcd?.state).toBe('stopped');
  });

  it('reports a refused Docker socket as unknown (permission) with what to do', () => {
    const s = dockerSweep(fixture('compose/docker-ps-permission-denied.txt'), 1);
    expect(s.postgres).toMatchObject({ state: 'unknown', reason: 'permission' });
    expect(s.postgres?.detail).toMatch(/docker group/);
  });

  it('reports a stopped Docker daemon as failed: none of the halfstack runs', () => {
    const sweep = parseSweepOutput(framed([['tools', 'docker yes\n', 0], ['containers', fixture('compose/docker-ps-daemon-down.txt'), 1]]), halfstack);
    expect(sweep.facts.dockerAccess).toBe('daemon-down');
    expect(sweep.statuses.every((s) => s.state === 'failed' && /Docker daemon is not running/.test(s.detail))).toBe(true);
  });

  it('leaves services unknown when the output was cut before their section ended', () => {
    const cut = `${framed([['tools', 'docker yes\n', 0]])}@@clusterdeck:${TEST_NONCE} begin containers\n{"ID":"58bb`;
    expect(parseSweepOutput(cut, halfstack).statuses.every((s) => s.state === 'unknown' && s.reason === 'error')).toBe(true);
  });
});

describe('a sweep that could not run', () => {
  it('marks every service unknown with the reason and the engine\'s message', () => {
    const sweep = failedSweep(servicesOf(['manager', 'redis']), 'unreachable', 'bai-m1 (10.0.0.5:22) did not answer within 15 s.');
    expect(sweep.statuses).toEqual([
      expect.objectContaining({ serviceId: 'manager', state: 'unknown', reason: 'unreachable', detail: 'bai-m1 (10.0.0.5:22) did not answer within 15 s.' }),
      expect.objectContaining({ serviceId: 'redis', state: 'unknown', reason: 'unreachable' }),
    ]);
  });
});
