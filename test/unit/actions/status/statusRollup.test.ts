import { describe, expect, it } from 'vitest';
import type { ServiceEntry, ServiceState, UnknownReason } from '../../../../common/contract/schemas/services';
import { resolveServices } from '../../../../main/core/catalog/resolveServices';
import { serviceStatus, unknownStatus } from '../../../../main/core/actions/status/serviceStatus';
import { rollupCluster, rollupNode } from '../../../../main/core/actions/status/statusRollup';

const services: ServiceEntry[] = resolveServices({ halfstackDir: '/h', composeProject: 'halfstack' }, { id: 'n1', roles: ['manager', 'agent', 'postgres'] }, []);
const statuses = (states: Record<string, ServiceState | [ServiceState, UnknownReason]>) =>
  Object.entries(states).map(([id, s]) => (Array.isArray(s) ? unknownStatus(id, s[1], 'x') : serviceStatus(id, s, 'x')));

describe('node and cluster health', () => {
  it('is green when every service runs', () => {
    expect(rollupNode(statuses({ manager: 'running', agent: 'running', watcher: 'running', postgres: 'running' }), services)).toMatchObject({ health: 'green', total: 4, summary: '4 services running' });
  });

  it('is red when any service failed or is stopped, and says which', () => {
    const r = rollupNode(statuses({ manager: 'running', agent: 'failed', watcher: 'running', postgres: 'stopped' }), services);
    expect(r).toMatchObject({ health: 'red', summary: '1 failed, 1 stopped of 4 services' });
  });

  it('is amber while something restarts or cannot be read', () => {
    expect(rollupNode(statuses({ manager: 'restarting', agent: 'running', watcher: 'running', postgres: ['unknown', 'unreachable'] }), services).health).toBe('amber');
  });

  it('does not count an optional service that is not installed (the watcher)', () => {
    const r = rollupNode(statuses({ manager: 'running', agent: 'running', watcher: ['unknown', 'not-installed'], postgres: 'running' }), services);
    expect(r).toMatchObject({ health: 'green', total: 3 });
  });

  it('is grey for a node with no services', () => {
    expect(rollupNode([], [])).toMatchObject({ health: 'grey', summary: 'No services' });
  });

  it('makes a cluster red when any node has a failed service', () => {
    const green = rollupNode(statuses({ manager: 'running' }), services);
    const red = rollupNode(statuses({ agent: 'failed' }), services);
    const cluster = rollupCluster([green, red]);
    expect(cluster).toMatchObject({ health: 'red', total: 2, summary: '1 failed of 2 services' });
    expect(rollupCluster([green, green]).health).toBe('green');
    expect(rollupCluster([]).health).toBe('grey');
  });
});
