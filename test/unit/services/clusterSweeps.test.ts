import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../common/contract/errors';
import type { EventName, EventPayload } from '../../../common/contract/events';
import type { ClusterWithNodes } from '../../../common/contract/schemas/profiles';
import { createClusterSweeps } from '../../../main/core/actions/status/clusterSweeps';
import { createStatusBook } from '../../../main/core/actions/status/statusBook';
import { resolveServices } from '../../../main/core/catalog/resolveServices';
import type { ExecResult } from '../../../main/core/ssh/sshEngine';
import { runInSh, withEmptyDir } from '../catalog/fixtureFiles';

// The sweep script really runs, in a local sh whose PATH is empty (so no systemctl or
// docker): only the SSH hop is replaced, and the nodes named in `down` refuse it.
const stamp = { createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z' };
const cluster: ClusterWithNodes = {
  id: 'c1', name: 'Acme', customer: '', notes: '', color: '#3b82f6', tags: [], isProduction: false,
  ssh: { user: 'lablup', port: 22, authMethod: 'key', jumpHosts: [] },
  halfstackDir: '/opt/halfstack', composeProject: 'halfstack', managerDir: '/opt/manager', sudoMode: 'auto',
  nodes: ['m1', 'a1', 'a2'].map((id) => ({ id, clusterId: 'c1', name: id, host: `${id}.lab`, ssh: {}, roles: id === 'm1' ? ['manager' as const] : ['agent' as const], ...stamp })),
  ...stamp,
};

function harness(down: readonly string[] = []) {
  const execs: string[] = [];
  const events: { event: EventName; payload: EventPayload<EventName> }[] = [];
  const sweeps = createClusterSweeps({
    engine: {
      exec: async (nodeId: string, argv: readonly string[]): Promise<ExecResult> => {
        execs.push(nodeId);
        if (down.includes(nodeId)) throw new ApiError('unreachable', `${nodeId}.lab:22 refused the connection.`);
        const { stdout, status } = withEmptyDir((dir) => runInSh(argv[2] ?? '', { PATH: dir, HOME: dir }));
        return { exitCode: status, signal: null, stdout, stderr: '', truncated: false, durationMs: 1 };
      },
    },
    now: () => new Date('2026-05-01T00:00:00Z'),
    profiles: { getCluster: () => cluster, findCluster: () => cluster },
    services: { nodeServices: (c, n) => resolveServices(c, n, []) },
    book: createStatusBook(),
    events: { emit: (event, payload) => void events.push({ event, payload }) },
    logger: { warn: () => undefined },
  });
  return { sweeps, execs, events };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('cluster sweeps', () => {
  it('asks each node once, reports each node by event, and joins a sweep already running', async () => {
    const h = harness();
    const [first, second] = await Promise.all([h.sweeps.sweep('c1', { interactive: true }), h.sweeps.sweep('c1', { interactive: true })]);
    expect(first).toBe(second);
    expect(h.execs.sort()).toEqual(['a1', 'a2', 'm1']);
    expect(h.events.filter((e) => e.event === 'service.status')).toHaveLength(3);
    expect(h.events.filter((e) => e.event === 'service.sweep').map((e) => (e.payload as { phase: string }).phase)).toEqual(['started', 'finished']);
    // No systemctl on this "node": not installed, which is not the same as failed.
    expect(first.nodes.find((n) => n.nodeId === 'm1')?.statuses).toMatchObject([{ serviceId: 'manager', state: 'unknown', reason: 'not-installed' }]);
  });

  it('reads a refusing node as unknown (unreachable) while the others still report', async () => {
    const h = harness(['a2']);
    const status = await h.sweeps.sweep('c1', { interactive: false });
    const a2 = status.nodes.find((n) => n.nodeId === 'a2');
    expect(a2).toMatchObject({ reachable: false, error: 'a2.lab:22 refused the connection.' });
    expect(a2?.statuses.map((s) => [s.serviceId, s.state, s.reason])).toEqual([
      ['agent', 'unknown', 'unreachable'],
      ['watcher', 'unknown', 'unreachable'],
    ]);
    expect(status.nodes.filter((n) => n.reachable).map((n) => n.nodeId).sort()).toEqual(['a1', 'm1']);
  });

  it('sweeps again every interval until it is turned off', async () => {
    vi.useFakeTimers();
    const h = harness();
    h.sweeps.setInterval('c1', 5);
    expect(h.sweeps.status('c1').sweepIntervalSeconds).toBe(5);
    await vi.advanceTimersByTimeAsync(5_000);
    await vi.waitFor(() => expect(h.execs).toHaveLength(3));
    await vi.advanceTimersByTimeAsync(5_000);
    await vi.waitFor(() => expect(h.execs).toHaveLength(6));
    h.sweeps.setInterval('c1', 0);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(h.execs).toHaveLength(6);
    h.sweeps.close();
  });
});
