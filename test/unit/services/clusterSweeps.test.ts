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

/** A node that never answers: honours the abort signal as the SSH engine does, or not at all (a connect that hangs). */
type Hang = 'abortable' | 'deaf';

function harness(down: readonly string[] = [], hung: Record<string, Hang> = {}) {
  const execs: string[] = [];
  const signals: AbortSignal[] = [];
  const events: { event: EventName; payload: EventPayload<EventName> }[] = [];
  const sweeps = createClusterSweeps({
    engine: {
      exec: async (nodeId: string, argv: readonly string[], opts?: { signal?: AbortSignal }): Promise<ExecResult> => {
        execs.push(nodeId);
        if (opts?.signal) signals.push(opts.signal);
        if (down.includes(nodeId)) throw new ApiError('unreachable', `${nodeId}.lab:22 refused the connection.`);
        const hang = hung[nodeId];
        if (hang === 'deaf') return new Promise<ExecResult>(() => undefined);
        if (hang === 'abortable') {
          return new Promise<ExecResult>((_, reject) =>
            opts?.signal?.addEventListener('abort', () => reject(new ApiError('cancelled', '`sh` was cancelled; the remote command was stopped.')), { once: true }),
          );
        }
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
  return { sweeps, execs, events, signals };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('cluster sweeps', () => {
  it('asks each node once, reports each node by event, and joins a sweep already running', async () => {
    const h = harness();
    const [first, second] = await Promise.all([h.sweeps.sweep('c1', { interactive: true }), h.sweeps.sweep('c1', { interactive: false })]);
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

  it('cancels a sweep a hung node holds: the others keep their answers, the hung one is unknown (cancelled)', async () => {
    const h = harness([], { a2: 'abortable' });
    const swept = h.sweeps.sweep('c1', { interactive: true });
    await vi.waitFor(() => expect(h.events.filter((e) => e.event === 'service.status')).toHaveLength(2));
    expect(h.sweeps.status('c1').sweeping).toBe(true);
    expect(h.sweeps.cancel('c1')).toBe(true);
    const status = await swept;
    expect(h.signals.every((sig) => sig.aborted)).toBe(true);
    const a2 = status.nodes.find((n) => n.nodeId === 'a2');
    expect(a2).toMatchObject({ reachable: false, error: expect.stringMatching(/cancelled before a2 answered/) });
    expect(a2?.statuses.map((st) => [st.state, st.reason])).toEqual([
      ['unknown', 'cancelled'],
      ['unknown', 'cancelled'],
    ]);
    expect(status.nodes.filter((n) => n.reachable).map((n) => n.nodeId).sort()).toEqual(['a1', 'm1']);
    expect(status.sweeping).toBe(false);
    expect(h.events.filter((e) => e.event === 'service.sweep').map((e) => (e.payload as { outcome?: string }).outcome)).toEqual([undefined, 'cancelled']);
    expect(h.sweeps.cancel('c1')).toBe(false);
  });

  it('does not wait for a node that ignores the cancel (a connection still being set up)', async () => {
    const h = harness([], { m1: 'deaf' });
    const swept = h.sweeps.sweep('c1', { interactive: false });
    await vi.waitFor(() => expect(h.events.filter((e) => e.event === 'service.status')).toHaveLength(2));
    h.sweeps.cancel('c1');
    const status = await swept;
    expect(status.nodes.find((n) => n.nodeId === 'm1')?.statuses[0]).toMatchObject({ state: 'unknown', reason: 'cancelled' });
  });

  it("lets the operator's sweep replace a running one: both callers get the new answer, nothing reads cancelled", async () => {
    const hung: Record<string, Hang> = { a2: 'deaf' };
    const h = harness([], hung);
    const old = h.sweeps.sweep('c1', { interactive: false });
    await vi.waitFor(() => expect(h.events.filter((e) => e.event === 'service.status')).toHaveLength(2));
    delete hung.a2; // the node answers again by the time the operator presses Refresh
    const fresh = h.sweeps.sweep('c1', { interactive: true });
    const [a, b] = await Promise.all([old, fresh]);
    expect(a).toBe(b);
    expect(b.nodes.find((n) => n.nodeId === 'a2')).toMatchObject({ reachable: true });
    const statuses = h.events.filter((e) => e.event === 'service.status').map((e) => (e.payload as { node: { statuses: { reason: string | null }[] } }).node);
    expect(statuses.flatMap((n) => n.statuses).some((st) => st.reason === 'cancelled')).toBe(false);
    const outcomes = h.events.filter((e) => e.event === 'service.sweep' && (e.payload as { phase: string }).phase === 'finished').map((e) => (e.payload as { outcome?: string }).outcome);
    expect(outcomes.sort()).toEqual(['done', 'superseded']);
    expect(h.sweeps.status('c1').sweeping).toBe(false);
  });
});
