/**
 * Status sweeps, control and scans against the lab, in the order an operator
 * meets them: sweep and scan first, then control (stop/start, a failing
 * unit, compose down/up of PostgreSQL, bulk, start cluster), then a node
 * that cannot be reached. Every fault is undone in finally, at once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NodeStatus } from '../../../common/contract/schemas/services';
import { setUnitFailing, startSshd, stopSshd } from '../../lab/faults';
import { readLabInfo } from '../../lab/labInfo';
import { type LabServiceCore, labServiceCore, labServiceCoreForThisFile } from './labServiceCore';
import { execSessionsSince, ourPortsTo, sshdLogLength } from './sshdSessions';

const lab = labServiceCoreForThisFile();

const DIRECT = ['bai-m1', 'bai-a01', 'bai-a02'];
const ipOf = (name: string) => readLabInfo().nodes.find((n) => n.name === name)?.host ?? '';
const agentOn = (node: string) => ({ nodeId: lab.nodeId(node), serviceId: 'agent' });

describe('status sweep against the lab', () => {
  it('reads every service of every node with one exec per node, reporting each node as it answers', async () => {
    const offsets = new Map(DIRECT.map((n) => [n, sshdLogLength(n)]));
    const status = await lab.api.sweepStatus({ clusterId: lab.cluster.id });

    expect(status.nodes.map((n) => n.nodeName).sort()).toEqual(['bai-a01', 'bai-a02', 'bai-a03', 'bai-m1']);
    const byNode = new Map(status.nodes.map((n) => [n.nodeName, n]));
    const states = (n: NodeStatus | undefined) => Object.fromEntries((n?.statuses ?? []).map((s) => [s.serviceId, s.state]));
    expect(states(byNode.get('bai-m1'))).toEqual({
      manager: 'running',
      webserver: 'running',
      'storage-proxy': 'running',
      wsproxy: 'running',
      postgres: 'running',
      redis: 'running',
      etcd: 'running',
    });
    for (const agent of ['bai-a01', 'bai-a02', 'bai-a03']) expect(states(byNode.get(agent))).toEqual({ agent: 'running', watcher: 'running' });
    const m1 = byNode.get('bai-m1');
    expect(m1?.facts).toMatchObject({ hasSystemctl: true, hasDocker: true, dockerAccess: 'ok' });
    expect(m1?.statuses.find((s) => s.serviceId === 'postgres')?.containers.map((c) => c.name)).toEqual(['halfstack-db']);
    expect(m1?.statuses.find((s) => s.serviceId === 'manager')?.mainPid).toBeGreaterThan(0);
    expect(status.rollup).toMatchObject({ health: 'green', total: 13 });

    // One 'service.status' event per node, each with the node's full status.
    const pushed = lab.events.filter((e) => e.event === 'service.status').map((e) => (e.payload as { node: NodeStatus }).node.nodeName);
    expect(pushed.sort()).toEqual(['bai-a01', 'bai-a02', 'bai-a03', 'bai-m1']);

    // sshd's own log: exactly one exec session per directly reached node from this process.
    await new Promise((r) => setTimeout(r, 300));
    for (const node of DIRECT) {
      const ports = ourPortsTo(ipOf(node));
      expect(ports.size, `a connection of this test process to ${node}`).toBeGreaterThan(0);
      expect(execSessionsSince(node, offsets.get(node) ?? 0, ports), `exec sessions on ${node}`).toBe(1);
    }
  });

  it('keeps the last sweep for the home screen and says how often it sweeps', async () => {
    await lab.api.setSweepInterval({ clusterId: lab.cluster.id, seconds: 30 });
    const [status] = await lab.api.getStatus({});
    expect(status).toMatchObject({ clusterId: lab.cluster.id, sweepIntervalSeconds: 30, rollup: { health: 'green' } });
    expect(status?.nodes).toHaveLength(4);
    await lab.api.setSweepInterval({ clusterId: lab.cluster.id, seconds: 0 });
  });

  it('finds what the lab runs when scanning a node', async () => {
    const m1 = await lab.api.scanNode({ nodeId: lab.nodeId('bai-m1') });
    expect(m1.roles.sort()).toEqual(['etcd', 'manager', 'postgres', 'redis', 'storage-proxy', 'webserver', 'wsproxy']);
    expect(m1.findings.map((f) => f.evidence).join('\n')).toMatch(/container halfstack-db/);
    expect(m1.composeCli).toBe('docker-compose');
    expect(m1.unrecognisedUnits).toEqual([]);
    const a01 = await lab.api.scanNode({ nodeId: lab.nodeId('bai-a01') });
    expect(a01.roles).toContain('agent');
    expect(a01.findings.filter((f) => f.role === 'agent').map((f) => f.evidence)).toEqual([
      'unit backendai-agent.service (active running)',
      'unit backendai-watcher.service (active running)',
    ]);
    // No container runs on an agent. The lab's nodes share one filesystem, so the
    // cluster's halfstack dir (bai-m1's) is visible there too: those roles come
    // from its files only, which a real agent would not have.
    expect(a01.findings.filter((f) => f.evidence.startsWith('container '))).toEqual([]);
    expect(a01.findings.filter((f) => f.role !== 'agent').every((f) => f.evidence.startsWith('file '))).toBe(true);
    expect(a01.overrides).toEqual([]);
  });
});

describe('service control against the lab', () => {
  it('stops a unit (stopped), starts it again (running), and logs both', async () => {
    const stop = await lab.api.controlService({ ...agentOn('bai-a02'), action: 'stop' });
    expect(stop).toMatchObject({ ok: true, exitCode: 0, command: 'sudo systemctl stop -- backendai-agent.service', status: { state: 'stopped' } });
    expect(stop.durationMs).toBeGreaterThan(0);
    const start = await lab.api.controlService({ ...agentOn('bai-a02'), action: 'start' });
    expect(start).toMatchObject({ ok: true, exitCode: 0, status: { state: 'running' } });
    const rows = await lab.api.listActivity({ clusterId: lab.cluster.id, limit: 10 });
    expect(rows.slice(0, 2).map((r) => [r.action, r.target, r.result])).toEqual([
      ['service.start', 'Agent on bai-a02', 'ok'],
      ['service.stop', 'Agent on bai-a02', 'ok'],
    ]);
  });

  it('runs sudo with the saved password on bai-a01', async () => {
    const result = await lab.api.controlService({ ...agentOn('bai-a01'), action: 'restart' });
    expect(result).toMatchObject({ ok: true, exitCode: 0, error: null, status: { state: 'running' } });
    expect(lab.logged.join('\n')).not.toContain('cdlab-sudo-pw');
  });

  it('reports a unit that fails to start as failed, with its journal tail', async () => {
    await setUnitFailing('bai-a02', 'backendai-agent.service', true);
    try {
      const result = await lab.api.controlService({ ...agentOn('bai-a02'), action: 'restart' });
      expect(result.ok).toBe(false);
      expect(result.exitCode).toBe(1);
      expect(result.stderr).toMatch(/Job for backendai-agent.service failed/);
      expect(result.status).toMatchObject({ state: 'failed' });
      expect(result.journalTail).toMatch(/lab fault: setUnitFailing/);
      const rows = await lab.api.listActivity({ clusterId: lab.cluster.id, limit: 1 });
      expect(rows[0]).toMatchObject({ action: 'service.restart', result: 'failed' });
      const tail = await lab.api.getJournalTail({ ...agentOn('bai-a02'), lines: 5 });
      expect(tail.command).toBe('journalctl --output cat --no-pager -n 5 -u backendai-agent.service');
    } finally {
      await setUnitFailing('bai-a02', 'backendai-agent.service', false);
      await lab.api.controlService({ ...agentOn('bai-a02'), action: 'start' });
    }
    const status = await lab.api.sweepStatus({ clusterId: lab.cluster.id, nodeIds: [lab.nodeId('bai-a02')] });
    expect(status.nodes.find((n) => n.nodeName === 'bai-a02')?.statuses.find((s) => s.serviceId === 'agent')?.state).toBe('running');
  });

  it('asks before taking PostgreSQL down, then runs compose down and up -d in the halfstack dir', async () => {
    const pg = { nodeId: lab.nodeId('bai-m1'), serviceId: 'postgres' };
    await expect(lab.api.controlService({ ...pg, action: 'stop' })).rejects.toMatchObject({ code: 'permission', message: /confirmation/ });
    const plan = await lab.api.describeControl({ clusterId: lab.cluster.id, serviceId: 'postgres', nodeIds: [pg.nodeId], action: 'stop' });
    expect(plan.confirmation).toMatchObject({ kind: 'confirm', message: expect.stringContaining('docker-compose -f docker-compose.hs.postgres.yaml -p halfstack down') });
    let down: Awaited<ReturnType<typeof lab.api.controlService>> | undefined;
    try {
      down = await lab.api.controlService({ ...pg, action: 'stop', confirmation: { confirmed: true } });
    } finally {
      // Others' backup tests need PostgreSQL: bring it back whatever happened.
      const up = await lab.api.controlService({ ...pg, action: 'start' });
      expect(up).toMatchObject({ ok: true, status: { state: 'running' } });
      expect(up.command).toMatch(/^cd .*halfstack && docker-compose -f docker-compose.hs.postgres.yaml -p halfstack up -d$/);
    }
    expect(down).toMatchObject({ ok: true, exitCode: 0, status: { state: 'stopped' } });
  });

  it('restarts every agent in parallel with a result per node', async () => {
    const nodeIds = ['bai-a01', 'bai-a02', 'bai-a03'].map(lab.nodeId);
    const bulk = await lab.api.controlBulk({ clusterId: lab.cluster.id, serviceId: 'agent', nodeIds, action: 'restart', mode: 'parallel', runId: 'bulk-1' });
    expect(bulk.results.map((r) => [r.nodeName, r.ok, r.exitCode, r.status?.state])).toEqual([
      ['bai-a01', true, 0, 'running'],
      ['bai-a02', true, 0, 'running'],
      ['bai-a03', true, 0, 'running'],
    ]);
    const progress = lab.events.filter((e) => e.event === 'service.progress' && (e.payload as { runId: string }).runId === 'bulk-1');
    expect(progress.filter((e) => (e.payload as { phase: string }).phase === 'done')).toHaveLength(3);
  });

  it('"start cluster" on a running cluster goes tier by tier, halfstack first, and changes nothing', async () => {
    const result = await lab.api.startCluster({ clusterId: lab.cluster.id, runId: 'start-1' });
    expect(result.stoppedEarly).toBe(false);
    expect(result.batches.map((b) => [b.tier, b.results.map((r) => r.serviceId).sort()])).toEqual([
      [0, ['etcd', 'postgres', 'redis']],
      [1, ['manager', 'storage-proxy']],
      [2, ['agent', 'agent', 'agent', 'watcher', 'watcher', 'watcher']],
      [3, ['webserver', 'wsproxy']],
    ]);
    const all = result.batches.flatMap((b) => b.results);
    expect(all.filter((r) => !r.ok).map((r) => `${r.label} on ${r.nodeName}: ${r.error ?? r.stderr}`)).toEqual([]);
    expect(all.every((r) => r.status?.state === 'running')).toBe(true);
    expect(result.message).toBe('Started 13 services in 4 steps.');
  });

  it('refuses a bulk action naming a node that does not run the service', async () => {
    await expect(
      lab.api.controlBulk({ clusterId: lab.cluster.id, serviceId: 'agent', nodeIds: [lab.nodeId('bai-m1')], action: 'restart' }),
    ).rejects.toMatchObject({ code: 'not_found', message: /bai-m1 does not run "agent"/ });
  });
});

describe('a node that cannot be reached', () => {
  // A core of its own: no pooled connection to bai-a02 yet, so a stopped sshd really refuses.
  let fresh: LabServiceCore;
  beforeAll(async () => {
    fresh = await labServiceCore({ saveSudoPassword: false });
  });
  afterAll(async () => {
    await fresh.core.close();
  });

  it('reads unknown (unreachable) for its services while the other nodes still report', async () => {
    await stopSshd('bai-a02');
    let status: Awaited<ReturnType<typeof fresh.api.sweepStatus>>;
    try {
      status = await fresh.api.sweepStatus({ clusterId: fresh.cluster.id });
    } finally {
      await startSshd('bai-a02');
    }
    const a02 = status.nodes.find((n) => n.nodeName === 'bai-a02');
    expect(a02).toMatchObject({ reachable: false, error: expect.stringMatching(/192\.0\.2\.22.*refused the connection/) });
    expect(a02?.statuses.map((s) => [s.serviceId, s.state, s.reason])).toEqual([
      ['agent', 'unknown', 'unreachable'],
      ['watcher', 'unknown', 'unreachable'],
    ]);
    for (const name of ['bai-m1', 'bai-a01', 'bai-a03']) {
      const node = status.nodes.find((n) => n.nodeName === name);
      expect(node?.reachable, name).toBe(true);
      expect(node?.statuses.every((s) => s.state === 'running'), name).toBe(true);
    }
    expect(status.rollup.health).toBe('amber');
  });

  it('refuses sudo on bai-a01 when no sudo password is saved, saying what to do', async () => {
    const result = await fresh.api.controlService({ nodeId: fresh.nodeId('bai-a01'), serviceId: 'agent', action: 'restart' });
    expect(result).toMatchObject({ ok: false, exitCode: null, error: expect.stringMatching(/needs a password and none is saved/) });
    expect(result.status?.state).toBe('running');
    const rows = await fresh.api.listActivity({ clusterId: fresh.cluster.id, limit: 1 });
    expect(rows[0]).toMatchObject({ action: 'service.restart', result: 'failed' });
  });
});
