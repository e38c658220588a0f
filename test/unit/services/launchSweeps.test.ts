import { afterEach, describe, expect, it } from 'vitest';
import { clustersDueOnLaunch, isFresh, runBounded, sweepClustersOnLaunch, type KnownClusterStatus } from '../../../renderer/features/services/launchSweeps';
import { connectedCore, type ConnectedCore } from '../support/connectedCore';
import { testPorts } from '../support/testPorts';

const NOW = Date.parse('2026-11-29T10:00:00Z');
const at = (secondsAgo: number) => ({ checkedAt: new Date(NOW - secondsAgo * 1000).toISOString() });

describe('which clusters the home sweeps on launch', () => {
  it('skips a cluster whose every node is fresher than its interval, or that core is sweeping', () => {
    const clusters: { id: string; known: KnownClusterStatus }[] = [
      { id: 'fresh', known: { nodeIds: ['n1', 'n2'], nodes: { n1: at(10), n2: at(20) }, sweeping: false, intervalSeconds: 30 } },
      { id: 'stale', known: { nodeIds: ['n1', 'n2'], nodes: { n1: at(10), n2: at(40) }, sweeping: false, intervalSeconds: 30 } },
      { id: 'half', known: { nodeIds: ['n1', 'n2'], nodes: { n1: at(1) }, sweeping: false, intervalSeconds: 300 } },
      { id: 'never', known: { nodeIds: ['n1'], nodes: {}, sweeping: false, intervalSeconds: 0 } },
      { id: 'busy', known: { nodeIds: ['n1'], nodes: {}, sweeping: true, intervalSeconds: 0 } },
      { id: 'off-recent', known: { nodeIds: ['n1'], nodes: { n1: at(30) }, sweeping: false, intervalSeconds: 0 } },
      { id: 'off-old', known: { nodeIds: ['n1'], nodes: { n1: at(90) }, sweeping: false, intervalSeconds: 0 } },
    ];
    expect(clustersDueOnLaunch(clusters, NOW)).toEqual(['stale', 'half', 'never', 'off-old']);
    expect(isFresh({ nodeIds: [], nodes: {}, sweeping: false, intervalSeconds: 0 }, NOW)).toBe(true);
  });

  it('runs at most `limit` at once and every one of them, even when some fail', async () => {
    let active = 0;
    let peak = 0;
    const done: string[] = [];
    await runBounded(['a', 'b', 'c', 'd', 'e', 'f', 'g'], 3, async (id) => {
      active += 1;
      peak = Math.max(peak, active);
      await new Promise((r) => setTimeout(r, 5 + id.charCodeAt(0) % 3));
      active -= 1;
      done.push(id);
      if (id === 'b') throw new Error('b failed');
    });
    expect(peak).toBe(3);
    expect(done.sort()).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
  });
});

describe('the launch sweep against a real core', () => {
  let c: ConnectedCore | undefined;
  afterEach(async () => {
    await c?.core.close();
  });

  it('sweeps every cluster core has no fresh status of, and none when asked again right after', async () => {
    // The statuses' checkedAt must be on the same clock as the launch's "now".
    const core = connectedCore({ ...testPorts(), now: () => new Date() });
    c = core;
    const clusters: { id: string; nodeIds: string[]; rememberedSeconds: number }[] = [];
    for (const name of ['Acme', 'Globex', 'Initech']) {
      const cluster = await core.client.createCluster({ name, ssh: { user: 'lablup', port: 22 } });
      // Port 1 on loopback refuses at once: the node reads unknown (unreachable), which is still an answer.
      const node = await core.client.addNode({ clusterId: cluster.id, fields: { name: `${name}-a1`, host: '127.0.0.1', port: 1, roles: ['agent'] } });
      clusters.push({ id: cluster.id, nodeIds: [node.id], rememberedSeconds: 0 });
    }
    const [acme, globex, initech] = clusters.map((x) => x.id);
    // Globex was swept a moment ago (another window): it is fresh for its 5-minute interval.
    await core.client.setSweepInterval({ clusterId: globex ?? '', seconds: 300 });
    await core.client.sweepStatus({ clusterId: globex ?? '', interactive: false });

    const sweep = async (clusterId: string) => void (await core.client.sweepStatus({ clusterId, interactive: false }));
    const swept = await sweepClustersOnLaunch(() => core.client.getStatus({}), clusters, sweep);
    expect(swept).toEqual([acme, initech]);
    for (const status of await core.client.getStatus({})) {
      expect(status.nodes[0]?.statuses[0]).toMatchObject({ serviceId: 'agent', state: 'unknown', reason: 'unreachable' });
    }
    expect(await sweepClustersOnLaunch(() => core.client.getStatus({}), clusters, sweep)).toEqual([]);
    // Ten minutes later everything is stale again, except what the remembered interval keeps fresh.
    const later = Date.now() + 10 * 60_000;
    const remembering = clusters.map((x) => (x.id === acme ? { ...x, rememberedSeconds: 3600 } : x));
    expect(await sweepClustersOnLaunch(() => core.client.getStatus({}), remembering, async () => undefined, later)).toEqual([globex, initech]);
  });
});
