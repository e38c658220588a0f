/**
 * Logs against the lab: journalctl of units (bai-a02 NOPASSWD, bai-a01 sudo
 * with a password), compose logs of the halfstack PostgreSQL on bai-m1, the
 * merged view of the agents, and closing a follow ends the remote process.
 */
import { describe, expect, it } from 'vitest';
import { type LabServiceCore, labServiceCoreForThisFile } from '../services/labServiceCore';
import { collect, processesWith, rawLines, waitFor } from './labLogStreams';

const lab = labServiceCoreForThisFile();

let n = 0;
const nextId = () => `it-logs-${process.pid}-${(n += 1)}`;

async function readAll(input: Parameters<LabServiceCore['api']['openLogs']>[0]) {
  const streamId = nextId();
  const stream = collect(lab, streamId);
  const opened = await lab.api.openLogs({ ...input, streamId, follow: false });
  await waitFor('every node to end', () => opened.nodes.every((nd) => stream.states().some((s) => s.nodeId === nd.nodeId && s.state === 'ended')));
  return { opened, stream };
}

describe('logs against the lab', () => {
  it('follows the agent journal on bai-a02 and sees new lines arrive live', async () => {
    const streamId = nextId();
    const stream = collect(lab, streamId);
    const openedAt = Date.now();
    const opened = await lab.api.openLogs({ streamId, clusterId: lab.cluster.id, nodeIds: [lab.nodeId('bai-a02')], serviceId: 'agent', lastN: 5 });
    expect(opened.nodes[0]?.command).toBe('journalctl --output short-iso -u backendai-agent.service -n 5 -f --no-pager');
    // The lab's units write about 2 lines a second: a line written after opening must arrive.
    await waitFor('a line written after opening', () => stream.entries().some((e) => (e.time ?? 0) > openedAt + 200), 15_000);
    const live = stream.entries().find((e) => (e.time ?? 0) > openedAt + 200);
    expect(live).toMatchObject({ nodeId: lab.nodeId('bai-a02'), source: 'python' });
    expect(live?.logger).toMatch(/^ai\.backend\.agent/);
    expect(stream.states().map((s) => s.state)).toEqual(['starting', 'running']);
    expect(await lab.api.closeLogs({ streamId })).toEqual({ closed: true });
    expect(stream.states().at(-1)?.state).toBe('closed');
  });

  it('reads the last N lines and ends without follow', async () => {
    const { stream } = await readAll({ clusterId: lab.cluster.id, nodeIds: [lab.nodeId('bai-a02')], serviceId: 'agent', lastN: 60 });
    expect(rawLines(stream.entries())).toBe(60);
    const times = stream.entries().map((e) => e.time ?? 0);
    expect(times.every((t, i) => i === 0 || t >= (times[i - 1] ?? 0) - 5_000)).toBe(true);
  });

  it('reads only lines since a time', async () => {
    const since = new Date(Date.now() - 4_000);
    const { opened, stream } = await readAll({ clusterId: lab.cluster.id, nodeIds: [lab.nodeId('bai-a02')], serviceId: 'agent', lastN: 5000, since: since.toISOString() });
    expect(opened.nodes[0]?.command).toContain(`--since @${Math.floor(since.getTime() / 1000)}`);
    const entries = stream.entries();
    expect(entries.length).toBeGreaterThan(0);
    expect(rawLines(entries)).toBeLessThan(200);
    // short-iso prints whole seconds; the program's own time is finer.
    for (const e of entries) expect(e.time ?? Infinity).toBeGreaterThanOrEqual(Math.floor(since.getTime() / 1000) * 1000);
  });

  it('filters by level on the node with -p and groups a traceback under its ERROR line', async () => {
    const { stream } = await readAll({ clusterId: lab.cluster.id, nodeIds: [lab.nodeId('bai-a02')], serviceId: 'agent', lastN: 400, priority: 'error' });
    const entries = stream.entries();
    expect(entries.length).toBeGreaterThan(0);
    // systemd's own err lines ("Failed with result ...") carry no program level; none is below error.
    expect(entries.filter((e) => e.level !== null && e.level !== 'error' && e.level !== 'critical')).toEqual([]);
    expect(entries.some((e) => e.level === 'error')).toBe(true);
    const traceback = entries.find((e) => e.continuation[0] === 'Traceback (most recent call last):');
    expect(traceback, 'an ERROR entry with its traceback grouped').toBeDefined();
    expect(traceback?.text).toMatch(/ ERROR ai\.backend\./);
    expect(traceback?.continuation.some((l) => /^\s+File "/.test(l))).toBe(true);
  });

  it('reads the compose logs of the halfstack PostgreSQL on bai-m1', async () => {
    const { opened, stream } = await readAll({ clusterId: lab.cluster.id, nodeIds: [lab.nodeId('bai-m1')], serviceId: 'postgres', lastN: 20 });
    expect(opened.nodes[0]?.command).toMatch(/^cd \S+halfstack && docker(-compose| compose) -f docker-compose\.hs\.postgres\.yaml -p halfstack logs --tail 20 --timestamps --no-color$/);
    const entries = stream.entries();
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.every((e) => e.source === 'halfstack-db')).toBe(true);
    expect(entries.some((e) => e.logger === 'postgres' && e.time !== null)).toBe(true);
  });

  it('merges the agents of bai-a01 (sudo with password) and bai-a02 in time order with each line\'s node', async () => {
    const a01 = lab.nodeId('bai-a01');
    const a02 = lab.nodeId('bai-a02');
    const { opened, stream } = await readAll({ clusterId: lab.cluster.id, nodeIds: [a01, a02], serviceId: 'agent', lastN: 40, sudo: 'always' });
    expect(opened.nodes.map((nd) => nd.nodeName)).toEqual(['bai-a01', 'bai-a02']);
    expect(opened.nodes[0]?.command).toMatch(/^sudo journalctl/);
    const entries = stream.entries();
    expect(new Set(entries.map((e) => e.nodeId))).toEqual(new Set([a01, a02]));
    for (const batch of stream.batches()) {
      const times = batch.map((e) => e.time).filter((t): t is number => t !== null);
      expect(times).toEqual([...times].sort((x, y) => x - y));
    }
    expect(lab.logged.join('\n')).not.toContain('cdlab-sudo-pw');
  });

  it('reads every node of the service when no node is named', async () => {
    const { opened } = await readAll({ clusterId: lab.cluster.id, serviceId: 'agent', lastN: 5 });
    expect(opened.nodes.map((nd) => nd.nodeName).sort()).toEqual(['bai-a01', 'bai-a02', 'bai-a03']);
  });

  it('ends journalctl -f on the node (through sudo) when the stream is closed', async () => {
    const streamId = nextId();
    const stream = collect(lab, streamId);
    await lab.api.openLogs({ streamId, clusterId: lab.cluster.id, nodeIds: [lab.nodeId('bai-a01')], serviceId: 'agent', lastN: 4321, sudo: 'always' });
    const words = ['journalctl', '-n 4321', '-f'];
    await waitFor('journalctl -f to run on bai-a01', () => processesWith(words).length > 0);
    await waitFor('the first lines', () => stream.entries().length > 0);
    await lab.api.closeLogs({ streamId });
    await waitFor('journalctl -f to be gone from bai-a01', () => processesWith(words).length === 0, 10_000);
    expect(stream.states().at(-1)?.state).toBe('closed');
  });

  it('ends compose logs -f on bai-m1 when the stream is closed', async () => {
    const streamId = nextId();
    await lab.api.openLogs({ streamId, clusterId: lab.cluster.id, nodeIds: [lab.nodeId('bai-m1')], serviceId: 'postgres', lastN: 4322 });
    const words = ['logs', '--tail 4322', '-f'];
    await waitFor('compose logs -f to run on bai-m1', () => processesWith(words).length > 0);
    await lab.api.closeLogs({ streamId });
    await waitFor('compose logs -f to be gone from bai-m1', () => processesWith(words).length === 0, 10_000);
  });

  it('says why compose logs failed when the compose file is not on the node', async () => {
    // An override in this test's own store only: the lab itself is not touched.
    const services = await lab.api.setServiceOverride({ clusterId: lab.cluster.id, override: { role: 'redis', composeFile: 'docker-compose.hs.missing.yaml' } });
    const override = services.overrides.find((o) => o.composeFile === 'docker-compose.hs.missing.yaml');
    try {
      const streamId = nextId();
      const stream = collect(lab, streamId);
      await lab.api.openLogs({ streamId, clusterId: lab.cluster.id, nodeIds: [lab.nodeId('bai-m1')], serviceId: 'redis', lastN: 5, follow: false });
      await waitFor('the node to fail', () => stream.states().some((st) => st.state === 'failed'));
      const failed = stream.states().find((st) => st.state === 'failed');
      expect(failed?.message).toMatch(/docker-compose.hs.missing.yaml.* on bai-m1 ended with exit 1: .*(No such file or directory|no such file or directory)/);
      expect(stream.entries()).toEqual([]);
    } finally {
      if (override?.id) await lab.api.resetServiceOverride({ clusterId: lab.cluster.id, overrideId: override.id });
    }
  });

  it('refuses to pull more lines across nodes than the viewer keeps', async () => {
    await expect(lab.api.openLogs({ clusterId: lab.cluster.id, serviceId: 'agent', lastN: 200_000 })).rejects.toMatchObject({
      code: 'invalid_input',
      fields: { lastN: 'At most 133333 lines per node here.' },
    });
  });

  it('refuses a service the node does not run, saying which roles it has', async () => {
    await expect(lab.api.openLogs({ clusterId: lab.cluster.id, nodeIds: [lab.nodeId('bai-a02')], serviceId: 'postgres' })).rejects.toMatchObject({
      code: 'not_found',
      message: expect.stringContaining('bai-a02 has no service "postgres"'),
    });
  });
});
