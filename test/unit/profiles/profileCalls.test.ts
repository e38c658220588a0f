import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ClusterFieldsInput } from '../../../common/contract/schemas/profiles';
import { STORE_FILE } from '../../../main/core/store/openStore';
import { connectedCore, rejectionOf, type ConnectedCore } from '../support/connectedCore';

const running: ConnectedCore[] = [];
function start(): ConnectedCore {
  const c = connectedCore();
  running.push(c);
  return c;
}
afterEach(async () => {
  for (const c of running.splice(0)) await c.core.close();
});

const acme: ClusterFieldsInput = {
  name: 'Acme Research',
  customer: 'Acme Corp.',
  notes: 'Maintenance window Sun 02:00.',
  color: '#ef4444',
  tags: ['gpu', 'prod'],
  isProduction: true,
  ssh: { user: 'lablup', port: 22, authMethod: 'key', keyPath: '/home/op/.ssh/acme', jumpHosts: [{ host: 'bastion.acme.example', port: 2222, user: 'jump' }] },
  halfstackDir: '/home/lablup/halfstack',
  composeProject: 'halfstack',
  managerDir: '/home/lablup/manager',
  sudoMode: 'password',
};

describe('cluster profiles through the API', () => {
  it('creates a cluster with defaults filled in, and lists and gets it back', async () => {
    const { client } = start();
    const created = await client.createCluster({ name: 'Globex', ssh: { user: 'ubuntu' } });
    expect(created).toMatchObject({
      name: 'Globex',
      customer: '',
      color: '#3b82f6',
      ssh: { user: 'ubuntu', port: 22, authMethod: 'key', jumpHosts: [] },
      halfstackDir: '/home/lablup/halfstack',
      composeProject: 'halfstack',
      managerDir: '/home/lablup/manager',
      sudoMode: 'auto',
      isProduction: false,
      nodes: [],
    });
    expect(created.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(await client.listClusters({})).toEqual([created]);
    expect(await client.getCluster({ clusterId: created.id })).toEqual(created);
  });

  it('keeps every field of a full cluster and its nodes across a reopen of the data dir', async () => {
    const first = start();
    const created = await first.client.createCluster(acme);
    const node = await first.client.addNode({
      clusterId: created.id,
      fields: { name: 'bai-a01', host: '10.20.0.11', port: 2200, ssh: { user: 'root', jumpHosts: [] }, roles: ['agent', 'storage-proxy', 'agent'] },
    });
    expect(node.roles).toEqual(['agent', 'storage-proxy']);
    expect(node.ssh).toEqual({ user: 'root', jumpHosts: [] });
    await first.core.close();

    const again = connectedCore(first.ports);
    running.push(again);
    const [cluster] = await again.client.listClusters({});
    expect(cluster).toMatchObject({ ...acme, id: created.id });
    expect(cluster?.nodes).toEqual([node]);
  });

  it('updates a cluster and stamps updatedAt', async () => {
    const { client } = start();
    const created = await client.createCluster(acme);
    const updated = await client.updateCluster({ clusterId: created.id, fields: { ...acme, notes: 'moved to rack 4', sudoMode: 'nopasswd' } });
    expect(updated).toMatchObject({ notes: 'moved to rack 4', sudoMode: 'nopasswd', createdAt: created.createdAt });
    expect(updated.updatedAt > created.updatedAt).toBe(true);
  });

  it('adds, updates and deletes nodes, in the order they were added', async () => {
    const { client } = start();
    const c = await client.createCluster(acme);
    const m01 = await client.addNode({ clusterId: c.id, fields: { name: 'bai-m01', host: '10.20.0.5', roles: ['manager'] } });
    const a01 = await client.addNode({ clusterId: c.id, fields: { name: 'bai-a01', host: '10.20.0.11', roles: ['agent'] } });
    const moved = await client.updateNode({ nodeId: m01.id, fields: { name: 'bai-m01', host: '10.20.0.6', roles: ['manager', 'webserver'] } });
    expect(moved).toMatchObject({ id: m01.id, host: '10.20.0.6', roles: ['manager', 'webserver'] });
    expect((await client.getCluster({ clusterId: c.id })).nodes.map((n) => n.name)).toEqual(['bai-m01', 'bai-a01']);
    expect(await client.deleteNode({ nodeId: a01.id })).toEqual({ deleted: true });
    expect(await client.deleteNode({ nodeId: a01.id })).toEqual({ deleted: false });
    expect((await client.getCluster({ clusterId: c.id })).nodes.map((n) => n.id)).toEqual([m01.id]);
  });

  it('says which record is missing when an id no longer exists', async () => {
    const { client } = start();
    expect(await rejectionOf(client.getCluster({ clusterId: 'gone' }))).toMatchObject({ code: 'not_found', message: expect.stringContaining('gone') });
    expect(await rejectionOf(client.addNode({ clusterId: 'gone', fields: { name: 'n', host: 'h' } }))).toMatchObject({ code: 'not_found' });
    expect(await rejectionOf(client.updateNode({ nodeId: 'gone', fields: { name: 'n', host: 'h' } }))).toMatchObject({ code: 'not_found' });
    expect(await client.deleteCluster({ clusterId: 'gone' })).toEqual({ deleted: false });
  });
});

describe('names in use', () => {
  const cases = [
    { name: 'exact', taken: 'Acme Research', tried: 'Acme Research' },
    { name: 'other case', taken: 'Acme Research', tried: 'ACME research' },
    { name: 'non-ASCII case', taken: 'Ärzte Cluster', tried: 'ärzte cluster' },
    { name: 'surrounding spaces (trimmed by the schema)', taken: 'Acme', tried: '  Acme ' },
  ];
  it.each(cases)('refuses a second cluster named like another ($name) with a field message', async ({ taken, tried }) => {
    const { client } = start();
    await client.createCluster({ name: taken, ssh: { user: 'a' } });
    const err = await rejectionOf(client.createCluster({ name: tried, ssh: { user: 'a' } }));
    expect(err).toMatchObject({ code: 'conflict', fields: { name: `A cluster named "${taken}" already exists. Choose another name.` } });
  });

  it('lets a cluster keep its own name when updated, but not take another one', async () => {
    const { client } = start();
    const a = await client.createCluster({ name: 'A', ssh: { user: 'a' } });
    await client.createCluster({ name: 'B', ssh: { user: 'a' } });
    await expect(client.updateCluster({ clusterId: a.id, fields: { name: 'a', ssh: { user: 'a' } } })).resolves.toMatchObject({ name: 'a' });
    expect(await rejectionOf(client.updateCluster({ clusterId: a.id, fields: { name: 'b', ssh: { user: 'a' } } }))).toMatchObject({
      code: 'conflict',
      fields: { 'fields.name': expect.stringContaining('"B" already exists') },
    });
  });

  it('refuses two nodes with one name in a cluster, but allows it across clusters', async () => {
    const { client } = start();
    const a = await client.createCluster({ name: 'A', ssh: { user: 'a' } });
    const b = await client.createCluster({ name: 'B', ssh: { user: 'a' } });
    const n = await client.addNode({ clusterId: a.id, fields: { name: 'bai-m01', host: '10.0.0.1' } });
    await expect(client.addNode({ clusterId: b.id, fields: { name: 'bai-m01', host: '10.0.0.1' } })).resolves.toBeTruthy();
    const n2 = await client.addNode({ clusterId: a.id, fields: { name: 'bai-m02', host: '10.0.0.2' } });
    expect(await rejectionOf(client.addNode({ clusterId: a.id, fields: { name: 'BAI-M01', host: '10.0.0.9' } }))).toEqual(
      expect.objectContaining({ code: 'conflict', fields: { 'fields.name': 'Cluster "A" already has a node named "bai-m01". Choose another name.' } }),
    );
    expect(await rejectionOf(client.updateNode({ nodeId: n2.id, fields: { name: 'bai-m01', host: '10.0.0.2' } }))).toMatchObject({ code: 'conflict' });
    await expect(client.updateNode({ nodeId: n.id, fields: { name: 'bai-m01', host: '10.0.0.3' } })).resolves.toMatchObject({ host: '10.0.0.3' });
  });
});

describe('duplicate and delete', () => {
  it('duplicates a cluster with its nodes and service entries under new ids, and copies no credential', async () => {
    const { client, ports } = start();
    const c = await client.createCluster(acme);
    const m01 = await client.addNode({ clusterId: c.id, fields: { name: 'bai-m01', host: '10.20.0.5', roles: ['manager', 'postgres'] } });
    await client.addNode({ clusterId: c.id, fields: { name: 'bai-a01', host: '10.20.0.11', ssh: { port: 2200 }, roles: ['agent'] } });
    const db = new Database(join(ports.paths.dataDir, STORE_FILE));
    db.prepare(`INSERT INTO services (id, cluster_id, node_id, role, kind, compose_file, compose_project) VALUES ('s1', ?, ?, 'postgres', 'compose', '/home/lablup/halfstack/docker-compose.yml', 'halfstack')`).run(c.id, m01.id);
    db.prepare(`INSERT INTO credentials (id, cluster_id, kind, ciphertext, created_at, updated_at) VALUES ('k1', ?, 'sudo-password', x'00ff', 't', 't')`).run(c.id);

    const copy = await client.duplicateCluster({ clusterId: c.id, name: 'Acme Research (staging)' });

    expect(copy.id).not.toBe(c.id);
    const strip = ({ id: _i, createdAt: _c, updatedAt: _u, name: _n, nodes: _ns, ...rest }: typeof copy) => rest;
    expect(strip(copy)).toEqual(strip(await client.getCluster({ clusterId: c.id })));
    expect(copy.nodes.map((n) => [n.name, n.host, n.ssh, n.roles])).toEqual([
      ['bai-m01', '10.20.0.5', {}, ['manager', 'postgres']],
      ['bai-a01', '10.20.0.11', { port: 2200 }, ['agent']],
    ]);
    expect(copy.nodes.every((n) => n.clusterId === copy.id && n.id !== m01.id)).toBe(true);
    const copiedService = db.prepare('SELECT node_id, compose_project FROM services WHERE cluster_id = ?').all(copy.id);
    expect(copiedService).toEqual([{ node_id: copy.nodes[0]?.id, compose_project: 'halfstack' }]);
    expect(db.prepare('SELECT count(*) AS n FROM credentials WHERE cluster_id = ?').get(copy.id)).toEqual({ n: 0 });
    db.close();
  });

  it('refuses to duplicate under a name in use', async () => {
    const { client } = start();
    const c = await client.createCluster(acme);
    expect(await rejectionOf(client.duplicateCluster({ clusterId: c.id, name: 'acme research' }))).toMatchObject({ code: 'conflict', fields: { name: expect.any(String) } });
  });

  it('deletes a cluster with its nodes, service entries and credentials, and keeps its activity rows', async () => {
    const { client, ports } = start();
    const c = await client.createCluster(acme);
    const n = await client.addNode({ clusterId: c.id, fields: { name: 'bai-m01', host: '10.20.0.5' } });
    const db = new Database(join(ports.paths.dataDir, STORE_FILE));
    db.prepare(`INSERT INTO services (id, cluster_id, node_id, role, kind, unit) VALUES ('s1', ?, ?, 'manager', 'systemd', 'backendai-manager.service')`).run(c.id, n.id);
    db.prepare(`INSERT INTO credentials (id, cluster_id, node_id, kind, ciphertext, created_at, updated_at) VALUES ('k1', ?, ?, 'ssh-password', x'00', 't', 't')`).run(c.id, n.id);

    expect(await client.deleteCluster({ clusterId: c.id })).toEqual({ deleted: true });

    for (const table of ['clusters', 'nodes', 'services', 'credentials']) {
      expect(db.prepare(`SELECT count(*) AS n FROM ${table}`).get()).toEqual({ n: 0 });
    }
    const kept = await client.listActivity({ clusterId: c.id });
    expect(kept.map((a) => a.action)).toEqual(['cluster.delete', 'node.add', 'cluster.create']);
    db.close();
  });
});

describe('the activity log and change events', () => {
  it('writes one row per change, naming the actor, target and result, newest first', async () => {
    const { client, events } = start();
    const c = await client.createCluster(acme);
    const n = await client.addNode({ clusterId: c.id, fields: { name: 'bai-m01', host: '10.20.0.5' } });
    await rejectionOf(client.createCluster({ ...acme, name: 'ACME RESEARCH' }));
    await client.deleteNode({ nodeId: n.id });

    const log = await client.listActivity({});
    expect(log.map((a) => [a.action, a.target, a.result, a.actor, a.clusterId])).toEqual([
      ['node.delete', 'bai-m01', 'ok', 'operator', c.id],
      ['cluster.create', 'ACME RESEARCH', 'failed', 'operator', null],
      ['node.add', 'bai-m01', 'ok', 'operator', c.id],
      ['cluster.create', 'Acme Research', 'ok', 'operator', c.id],
    ]);
    expect(log[1]?.detail).toBe('A cluster named "Acme Research" already exists. Choose another name.');
    expect(log[0]).toMatchObject({ nodeId: n.id, at: expect.stringMatching(/^2026-03-01T09:/) });
    expect(await client.listActivity({ limit: 1 })).toHaveLength(1);
    // Events only for changes that happened.
    expect(events.filter((e) => e.event === 'profiles.changed').map((e) => e.payload)).toEqual([
      { clusterId: c.id },
      { clusterId: c.id },
      { clusterId: c.id },
    ]);
  });

  it('lists one cluster\'s activity on its own', async () => {
    const { client } = start();
    const a = await client.createCluster({ name: 'A', ssh: { user: 'a' } });
    await client.createCluster({ name: 'B', ssh: { user: 'a' } });
    expect((await client.listActivity({ clusterId: a.id })).map((r) => r.target)).toEqual(['A']);
  });
});
