import { describe, expect, it } from 'vitest';
import type { Role } from '../../../common/contract/schemas/profiles';
import { ServiceOverride, type ServiceOverrideInput } from '../../../common/contract/schemas/services';
import { resolveServices } from '../../../main/core/catalog/resolveServices';

const cluster = { halfstackDir: '/home/lablup/halfstack', composeProject: 'halfstack' };
const node = (roles: Role[], id = 'n1') => ({ id, roles });
const overrides = (...list: ServiceOverrideInput[]) => list.map((o) => ServiceOverride.parse(o));

describe('resolveServices', () => {
  it('gives a node the catalog defaults of its roles, in catalog order', () => {
    const services = resolveServices(cluster, node(['etcd', 'manager', 'agent']), []);
    expect(services.map((s) => s.id)).toEqual(['manager', 'agent', 'watcher', 'etcd']);
    expect(services[0]).toEqual({ id: 'manager', role: 'manager', nodeId: 'n1', label: 'Manager', tier: 1, critical: true, optional: false, kind: 'systemd', unit: 'backendai-manager.service' });
    expect(services[3]).toMatchObject({ kind: 'compose', halfstackDir: '/home/lablup/halfstack', composeFile: 'docker-compose.hs.etcd.yaml', composeProject: 'halfstack' });
  });

  it('uses the cluster\'s halfstack dir and compose project', () => {
    const [pg] = resolveServices({ halfstackDir: '/opt/halfstack', composeProject: 'bai' }, node(['postgres']), []);
    expect(pg).toMatchObject({ halfstackDir: '/opt/halfstack', composeProject: 'bai' });
  });

  it('lets a node override win over the cluster one, and a named service over its role', () => {
    const list = overrides(
      { role: 'postgres', composeProject: 'cluster-wide' },
      { role: 'postgres', nodeId: 'n1', composeProject: 'node-wide' },
      { role: 'postgres', serviceId: 'postgres', containerPattern: 'pg-*' },
    );
    const [pg] = resolveServices(cluster, node(['postgres']), list);
    expect(pg).toMatchObject({ composeProject: 'node-wide', containerPatterns: ['pg-*'] });
    const [other] = resolveServices(cluster, node(['postgres'], 'n2'), list);
    expect(other).toMatchObject({ composeProject: 'cluster-wide' });
  });

  it('renames the web server unit to the guide\'s console-server, adding .service', () => {
    const [web] = resolveServices(cluster, node(['webserver']), overrides({ role: 'webserver', unit: 'backendai-console-server' }));
    expect(web).toMatchObject({ unit: 'backendai-console-server.service' });
  });

  it('does not rename both agent units from a role-wide unit override', () => {
    const services = resolveServices(cluster, node(['agent']), overrides({ role: 'agent', unit: 'my-agent' }));
    expect(services.map((s) => (s.kind === 'systemd' ? s.unit : ''))).toEqual(['backendai-agent.service', 'backendai-watcher.service']);
    const named = resolveServices(cluster, node(['agent']), overrides({ role: 'agent', serviceId: 'agent', unit: 'my-agent' }));
    expect(named.map((s) => (s.kind === 'systemd' ? s.unit : ''))).toEqual(['my-agent.service', 'backendai-watcher.service']);
  });

  it('drops a disabled service (an install without the watcher)', () => {
    const services = resolveServices(cluster, node(['agent']), overrides({ role: 'agent', serviceId: 'watcher', disabled: true }));
    expect(services.map((s) => s.id)).toEqual(['agent']);
  });

  it('switches the wsproxy role to the App Proxy units', () => {
    const services = resolveServices(cluster, node(['wsproxy']), overrides({ role: 'wsproxy', variant: 'appproxy' }));
    expect(services.map((s) => `${s.id}:${s.kind}`)).toEqual(['appproxy-coordinator:systemd', 'appproxy-worker:systemd']);
  });

  it('keeps the default for a variant it does not know', () => {
    const services = resolveServices(cluster, node(['wsproxy']), overrides({ role: 'wsproxy', variant: 'nosuch' }));
    expect(services.map((s) => s.id)).toEqual(['wsproxy']);
  });

  it('ignores an override of a field the service does not have', () => {
    const [manager] = resolveServices(cluster, node(['manager']), overrides({ role: 'manager', composeFile: 'x.yaml' }));
    expect(manager).not.toHaveProperty('composeFile');
  });

  it('rejects an override with a unit name that a shell would split', () => {
    expect(() => ServiceOverride.parse({ role: 'manager', unit: 'a b; rm -rf /' })).toThrow();
    expect(() => ServiceOverride.parse({ role: 'postgres', containerPattern: '$(id)' })).toThrow();
  });
});
