import { afterEach, describe, expect, it } from 'vitest';
import type { ClusterFieldsInput } from '../../../common/contract/schemas/profiles';
import { exportFileName } from '../../../main/core/profiles/clusterExport';
import { connectedCore, rejectionOf, type ConnectedCore } from '../support/connectedCore';

const running: ConnectedCore[] = [];
afterEach(async () => {
  for (const c of running.splice(0)) await c.core.close();
});
function start(): ConnectedCore {
  const c = connectedCore();
  running.push(c);
  return c;
}

const acme: ClusterFieldsInput = {
  name: 'Acme Research',
  customer: 'Acme Corp.',
  notes: 'Line one\nLine "two"',
  tags: ['gpu'],
  isProduction: true,
  ssh: { user: 'lablup', keyPath: '/home/op/.ssh/acme', jumpHosts: [{ host: 'bastion.acme.example', port: 2222, user: 'jump' }] },
  sudoMode: 'password',
};

async function acmeWithNodes(c: ConnectedCore) {
  const cluster = await c.client.createCluster(acme);
  await c.client.addNode({ clusterId: cluster.id, fields: { name: 'bai-m01', host: '10.20.0.5', roles: ['manager', 'etcd'] } });
  await c.client.addNode({
    clusterId: cluster.id,
    fields: { name: 'bai-a01', host: '10.20.0.11', port: 2200, ssh: { user: 'root', authMethod: 'password', jumpHosts: [] }, roles: ['agent'] },
  });
  return cluster;
}

/** What must survive export and import: everything but ids, times and the name. */
const portable = (c: Awaited<ReturnType<ConnectedCore['client']['getCluster']>>) => {
  const { id: _i, createdAt: _c, updatedAt: _u, name: _n, nodes, ...fields } = c;
  return { ...fields, nodes: nodes.map(({ id: _ni, clusterId: _cl, createdAt: _nc, updatedAt: _nu, ...n }) => n) };
};

describe('exporting and importing a cluster file', () => {
  it('exports under a file name from the cluster name, and imports it under another name with equal data', async () => {
    const c = start();
    const cluster = await acmeWithNodes(c);
    const file = await c.client.exportCluster({ clusterId: cluster.id });
    expect(file.fileName).toBe('Acme Research.clusterdeck.json');

    const imported = await c.client.importCluster({ json: file.json, name: 'Acme Research (copy)' });

    expect(imported.name).toBe('Acme Research (copy)');
    expect(imported.id).not.toBe(cluster.id);
    expect(portable(imported)).toEqual(portable(await c.client.getCluster({ clusterId: cluster.id })));
  });

  it('carries a cluster to another ClusterDeck (another data dir) under its own name', async () => {
    const from = start();
    const cluster = await acmeWithNodes(from);
    const { json } = await from.client.exportCluster({ clusterId: cluster.id });
    const to = start();
    const imported = await to.client.importCluster({ json });
    expect(imported.name).toBe('Acme Research');
    expect(portable(imported)).toEqual(portable(await from.client.getCluster({ clusterId: cluster.id })));
  });

  it('writes no secret and no id into the file', async () => {
    const c = start();
    const cluster = await acmeWithNodes(c);
    const { json } = await c.client.exportCluster({ clusterId: cluster.id });
    const parsed = JSON.parse(json) as Record<string, unknown>;
    expect(Object.keys(parsed).sort()).toEqual(['cluster', 'format', 'nodes', 'version']);
    expect(json).not.toMatch(/password"\s*:|passphrase|ciphertext|secret/i);
    expect(json).not.toContain(cluster.id);
  });

  it('refuses a name in use with the import advice', async () => {
    const c = start();
    const cluster = await acmeWithNodes(c);
    const { json } = await c.client.exportCluster({ clusterId: cluster.id });
    expect(await rejectionOf(c.client.importCluster({ json }))).toEqual(
      expect.objectContaining({
        code: 'conflict',
        message: 'A cluster named "Acme Research" already exists. Import it under another name.',
        fields: { name: 'A cluster named "Acme Research" already exists. Import it under another name.' },
      }),
    );
    const log = await c.client.listActivity({ limit: 1 });
    expect(log[0]).toMatchObject({ action: 'cluster.import', result: 'failed', target: 'Acme Research' });
  });

  const valid = {
    format: 'clusterdeck.cluster',
    version: 1,
    cluster: { name: 'Initech', ssh: { user: 'lablup' } },
    nodes: [{ name: 'n1', host: '10.0.0.1' }],
  };
  const badFiles = [
    { name: 'not JSON', json: '{"format": "clusterdeck.cluster",', field: 'json', says: /not valid JSON/ },
    { name: 'another kind of JSON', json: JSON.stringify({ name: 'x' }), field: 'format', says: /not a ClusterDeck cluster file/ },
    { name: 'a newer file version', json: JSON.stringify({ ...valid, version: 3 }), field: 'version', says: /newer ClusterDeck/ },
    {
      name: 'a bad port on a node',
      json: JSON.stringify({ ...valid, nodes: [{ name: 'n1', host: '10.0.0.1', port: 70000 }] }),
      field: 'nodes.0.port',
      says: /nodes\.0\.port: A port is between 1 and 65535/,
    },
    {
      name: 'a missing SSH user',
      json: JSON.stringify({ ...valid, cluster: { name: 'Initech', ssh: {} } }),
      field: 'cluster.ssh.user',
      says: /cluster\.ssh\.user/,
    },
    {
      name: 'two nodes with one name',
      json: JSON.stringify({ ...valid, nodes: [{ name: 'n1', host: 'a' }, { name: 'N1', host: 'b' }] }),
      field: 'nodes.1.name',
      says: /two nodes "N1"/,
    },
  ];
  it.each(badFiles)('refuses $name with a field-level message, and saves nothing', async ({ json, field, says }) => {
    const c = start();
    const err = await rejectionOf(c.client.importCluster({ json }));
    expect(err.code).toBe('invalid_input');
    expect(err.message).toMatch(says);
    expect(Object.keys(err.fields ?? {})).toContain(field);
    expect(await c.client.listClusters({})).toEqual([]);
  });

  it('imports a minimal hand-written file with defaults filled in', async () => {
    const c = start();
    const imported = await c.client.importCluster({ json: JSON.stringify(valid) });
    expect(imported).toMatchObject({ name: 'Initech', composeProject: 'halfstack', nodes: [{ name: 'n1', host: '10.0.0.1', roles: [] }] });
  });
});

describe('export file names', () => {
  it.each([
    ['Acme Research', 'Acme Research.clusterdeck.json'],
    ['a/b\\c:d*e?f"g<h>i|j', 'a-b-c-d-e-f-g-h-i-j.clusterdeck.json'],
    ['..', 'cluster.clusterdeck.json'],
    ['고객 클러스터', '고객 클러스터.clusterdeck.json'],
  ])('%s -> %s', (name, file) => {
    expect(exportFileName(name)).toBe(file);
  });
});
