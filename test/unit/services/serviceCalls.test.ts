import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClusterWithNodes } from '../../../common/contract/schemas/profiles';
import { connectedCore, rejectionOf, type ConnectedCore } from '../support/connectedCore';

let c: ConnectedCore;
let cluster: ClusterWithNodes;
const cfg = { name: 'Acme', ssh: { user: 'lablup', port: 22 }, halfstackDir: '/opt/halfstack' };
const nodeIdOf = (name: string) => cluster.nodes.find((n) => n.name === name)?.id ?? '';

beforeEach(async () => {
  c = connectedCore();
  cluster = await c.client.createCluster(cfg);
  await c.client.addNode({ clusterId: cluster.id, fields: { name: 'm1', host: '10.0.0.1', roles: ['manager', 'postgres'] } });
  await c.client.addNode({ clusterId: cluster.id, fields: { name: 'a1', host: '10.0.0.2', roles: ['agent'] } });
  cluster = await c.client.getCluster({ clusterId: cluster.id });
});
afterEach(async () => {
  await c.core.close();
});

describe('the per-cluster service catalog', () => {
  it('resolves each node\'s services from its roles with the cluster\'s halfstack dir', async () => {
    const services = await c.client.getServices({ clusterId: cluster.id });
    const m1 = services.nodes.find((n) => n.nodeName === 'm1')?.services;
    expect(m1?.map((s) => s.id)).toEqual(['manager', 'postgres']);
    expect(m1?.[1]).toMatchObject({ kind: 'compose', halfstackDir: '/opt/halfstack', composeFile: 'docker-compose.hs.postgres.yaml', composeProject: 'halfstack' });
    expect(services.nodes.find((n) => n.nodeName === 'a1')?.services.map((s) => s.id)).toEqual(['agent', 'watcher']);
    expect(services.overrides).toEqual([]);
  });

  it('saves an override, applies it to one node only, and resets it', async () => {
    const a1 = nodeIdOf('a1');
    const saved = await c.client.setServiceOverride({ clusterId: cluster.id, override: { role: 'agent', serviceId: 'watcher', nodeId: a1, disabled: true } });
    expect(saved.nodes.find((n) => n.nodeName === 'a1')?.services.map((s) => s.id)).toEqual(['agent']);
    expect(saved.overrides).toEqual([{ id: expect.any(String), role: 'agent', serviceId: 'watcher', nodeId: a1, disabled: true }]);
    const overrideId = saved.overrides[0]?.id ?? '';
    const edited = await c.client.setServiceOverride({ clusterId: cluster.id, override: { role: 'agent', serviceId: 'agent', unit: 'bai-agent' }, replaceId: overrideId });
    expect(edited.nodes.find((n) => n.nodeName === 'a1')?.services).toMatchObject([{ id: 'agent', unit: 'bai-agent.service' }, { id: 'watcher' }]);
    const reset = await c.client.resetServiceOverride({ clusterId: cluster.id, overrideId });
    expect(reset.overrides).toEqual([]);
    const rows = await c.client.listActivity({ clusterId: cluster.id, limit: 3 });
    expect(rows.map((r) => r.action)).toEqual(['service.override.reset', 'service.override.set', 'service.override.set']);
  });

  it('keeps a node\'s overrides, with the service they name, when the cluster is duplicated', async () => {
    await c.client.setServiceOverride({ clusterId: cluster.id, override: { role: 'agent', serviceId: 'watcher', nodeId: nodeIdOf('a1'), disabled: true } });
    const copy = await c.client.duplicateCluster({ clusterId: cluster.id, name: 'Acme copy' });
    const services = await c.client.getServices({ clusterId: copy.id });
    expect(services.nodes.find((n) => n.nodeName === 'a1')?.services.map((s) => s.id)).toEqual(['agent']);
    expect(services.overrides).toEqual([{ id: expect.any(String), role: 'agent', serviceId: 'watcher', nodeId: copy.nodes.find((n) => n.name === 'a1')?.id, disabled: true }]);
  });

  it('refuses an override for a node of another cluster', async () => {
    const other = await c.client.createCluster({ ...cfg, name: 'Other' });
    const err = await rejectionOf(c.client.setServiceOverride({ clusterId: other.id, override: { role: 'agent', nodeId: nodeIdOf('a1'), disabled: true } }));
    expect(err).toMatchObject({ code: 'not_found' });
  });

  it('applies a scan proposal: the node\'s roles and its own overrides', async () => {
    const a1 = nodeIdOf('a1');
    const after = await c.client.applyScanProposal({ nodeId: a1, roles: ['agent', 'webserver'], overrides: [{ role: 'webserver', unit: 'backendai-console-server' }] });
    expect(after.nodes.find((n) => n.nodeId === a1)?.services.map((s) => (s.kind === 'systemd' ? s.unit : s.composeFile))).toEqual([
      'backendai-agent.service',
      'backendai-watcher.service',
      'backendai-console-server.service',
    ]);
    expect(after.overrides).toEqual([{ id: expect.any(String), role: 'webserver', unit: 'backendai-console-server.service', nodeId: a1 }]);
  });
});

describe('confirmations and order', () => {
  it('asks to confirm stopping PostgreSQL and names the exact command', async () => {
    const plan = await c.client.describeControl({ clusterId: cluster.id, serviceId: 'postgres', nodeIds: [nodeIdOf('m1')], action: 'stop' });
    expect(plan.confirmation).toMatchObject({ kind: 'confirm' });
    expect(plan.commands).toEqual([expect.objectContaining({ nodeName: 'm1', command: 'cd /opt/halfstack && docker-compose -f docker-compose.hs.postgres.yaml -p halfstack down' })]);
    const err = await rejectionOf(c.client.controlService({ nodeId: nodeIdOf('m1'), serviceId: 'postgres', action: 'stop' }));
    expect(err).toMatchObject({ code: 'permission', message: expect.stringMatching(/confirmation.*Nothing was run/) });
    // Refused before the node was asked anything: no connection was even started.
    expect(c.events.filter((e) => e.event === 'node.connection')).toEqual([]);
    // Nothing ran, but the refusal is in the activity log as cancelled, not as a stop.
    const rows = await c.client.listActivity({ clusterId: cluster.id, limit: 5 });
    expect(rows.filter((r) => r.action === 'service.stop')).toEqual([
      expect.objectContaining({ result: 'cancelled', target: 'PostgreSQL on m1', nodeId: nodeIdOf('m1'), detail: expect.stringMatching(/^Refused by ClusterDeck before anything ran: This needs your confirmation/) }),
    ]);
  });

  it('on a production cluster, refuses any action until its name is typed exactly', async () => {
    await c.client.updateCluster({ clusterId: cluster.id, fields: { ...cfg, isProduction: true } });
    const plan = await c.client.describeControl({ clusterId: cluster.id, serviceId: 'agent', nodeIds: [nodeIdOf('a1')], action: 'start' });
    expect(plan.confirmation).toMatchObject({ kind: 'type-name', name: 'Acme' });
    const agent = { nodeId: nodeIdOf('a1'), serviceId: 'agent', action: 'start' as const };
    expect(await rejectionOf(c.client.controlService(agent))).toMatchObject({ code: 'permission' });
    const wrong = await rejectionOf(c.client.controlService({ ...agent, confirmation: { confirmed: true, typedName: 'acme' } }));
    expect(wrong).toMatchObject({ code: 'permission', fields: { 'confirmation.typedName': 'Type Acme.' } });
    const rows = await c.client.listActivity({ clusterId: cluster.id, limit: 10 });
    const refused = rows.filter((r) => r.action === 'service.start');
    expect(refused.map((r) => r.result)).toEqual(['cancelled', 'cancelled']);
    expect(refused[0]?.detail).toMatch(/Acme is a production cluster: type its name exactly/);
    expect(refused[0]?.target).toBe('Agent on a1');

    const whole = await rejectionOf(c.client.stopCluster({ clusterId: cluster.id, confirmation: { confirmed: true, typedName: 'Acme!' } }));
    expect(whole).toMatchObject({ code: 'permission' });
    expect((await c.client.listActivity({ clusterId: cluster.id, limit: 1 }))[0]).toMatchObject({ action: 'cluster.stop', target: 'Acme', result: 'cancelled' });
  });

  it('records a confirmation the operator cancelled, and nothing when none was asked', async () => {
    const declined = await c.client.recordDeclinedAction({ clusterId: cluster.id, serviceId: 'postgres', nodeIds: [nodeIdOf('m1')], action: 'restart' });
    expect(declined).toEqual({ recorded: true });
    expect((await c.client.listActivity({ clusterId: cluster.id, limit: 1 }))[0]).toMatchObject({
      action: 'service.restart',
      target: 'PostgreSQL on m1',
      result: 'cancelled',
      detail: expect.stringMatching(/^Cancelled by the operator at a confirmation; nothing was run\. Restart in cluster Acme:/),
    });
    // Starting an agent asks nothing on a cluster that is not production: no row.
    expect(await c.client.recordDeclinedAction({ clusterId: cluster.id, serviceId: 'agent', action: 'start' })).toEqual({ recorded: false });
    expect(await c.client.recordDeclinedAction({ clusterId: cluster.id, action: 'stop' })).toEqual({ recorded: true });
    const rows = await c.client.listActivity({ clusterId: cluster.id, limit: 5 });
    expect(rows.filter((r) => r.result === 'cancelled').map((r) => `${r.action} ${r.target}`)).toEqual(['cluster.stop Acme', 'service.restart PostgreSQL on m1']);
    expect(await rejectionOf(c.client.recordDeclinedAction({ clusterId: cluster.id, action: 'restart' }))).toMatchObject({ code: 'invalid_input' });
  });

  it('plans "start cluster" halfstack first and "stop cluster" in reverse', async () => {
    const start = await c.client.describeClusterRun({ clusterId: cluster.id, action: 'start' });
    expect(start.commands.map((x) => x.serviceId)).toEqual(['postgres', 'manager', 'agent', 'watcher']);
    const stop = await c.client.describeClusterRun({ clusterId: cluster.id, action: 'stop' });
    expect(stop.commands.map((x) => x.serviceId)).toEqual(['agent', 'watcher', 'manager', 'postgres']);
    expect(stop.confirmation.kind).toBe('confirm');
  });

  it('accepts 0 or 5-3600 seconds for the automatic sweep', async () => {
    expect(await rejectionOf(c.client.setSweepInterval({ clusterId: cluster.id, seconds: 2 }))).toMatchObject({ code: 'invalid_input' });
    expect(await c.client.setSweepInterval({ clusterId: cluster.id, seconds: 60 })).toEqual({ clusterId: cluster.id, seconds: 60 });
    expect((await c.client.getStatus({ clusterId: cluster.id }))[0]).toMatchObject({ sweepIntervalSeconds: 60, nodes: [], rollup: { health: 'grey' } });
  });
});
