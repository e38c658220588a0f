import { describe, expect, it } from 'vitest';
import type { ClusterWithNodes } from '../../../common/contract/schemas/profiles';
import type { NodeStatus, ServiceStatus } from '../../../common/contract/schemas/services';
import { visibleTreeRows, type TreeService } from '../../../renderer/features/clusters/clusterTreeRows';
import { BADGE_OF_STATE, isUnreachable, stateText } from '../../../renderer/features/services/serviceStateLook';

const stamp = { createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z' };
const acme: ClusterWithNodes = {
  id: 'acme',
  name: 'acme',
  customer: '',
  notes: '',
  color: '#3b82f6',
  tags: [],
  isProduction: false,
  ssh: { user: 'lablup', port: 22, authMethod: 'key', jumpHosts: [] },
  halfstackDir: '/home/lablup/halfstack',
  composeProject: 'halfstack',
  managerDir: '/home/lablup/manager',
  sudoMode: 'auto',
  nodes: [{ id: 'a1', clusterId: 'acme', name: 'a1', host: 'a1.lab', ssh: {}, roles: ['agent'], ...stamp }],
  ...stamp,
};

describe('service rows of the tree from core\'s catalog', () => {
  it('lists every resolved service of a node (the agent and its watcher), keyed by service id', () => {
    const resolved: TreeService[] = [
      { id: 'agent', role: 'agent', label: 'Agent', runsAs: 'backendai-agent.service' },
      { id: 'watcher', role: 'agent', label: 'Agent watcher', runsAs: 'backendai-watcher.service' },
    ];
    const rows = visibleTreeRows([acme], new Set(['cluster:acme', 'node:a1']), () => resolved);
    expect(rows.filter((r) => r.kind === 'service').map((r) => [r.id, r.serviceId, r.role, r.detail])).toEqual([
      ['service:a1:agent', 'agent', 'agent', 'backendai-agent.service'],
      ['service:a1:watcher', 'watcher', 'agent', 'backendai-watcher.service'],
    ]);
  });

  it('falls back to one row per role until the catalog arrives', () => {
    const rows = visibleTreeRows([acme], new Set(['cluster:acme', 'node:a1']));
    expect(rows.filter((r) => r.kind === 'service').map((r) => r.id)).toEqual(['service:a1:agent']);
  });
});

describe('how a state reads', () => {
  const status = (over: Partial<ServiceStatus>): ServiceStatus => ({
    serviceId: 'agent',
    state: 'running',
    reason: null,
    detail: '',
    since: null,
    mainPid: null,
    restarts: null,
    health: null,
    containers: [],
    ...over,
  });

  it('names the reason of an unknown state, and says "not checked" before any sweep', () => {
    expect(stateText(status({ state: 'unknown', reason: 'unreachable' }))).toBe('unknown (unreachable)');
    expect(stateText(status({ state: 'unknown', reason: 'not-installed' }))).toBe('unknown (not installed)');
    expect(stateText(status({ state: 'unknown', reason: 'cancelled' }))).toBe('unknown (check cancelled)');
    expect(stateText(status({ state: 'failed' }))).toBe('failed');
    expect(stateText(undefined)).toBe('not checked');
  });

  it('shows stopped and failed red, moving states amber, unknown grey', () => {
    expect([BADGE_OF_STATE.stopped, BADGE_OF_STATE.failed, BADGE_OF_STATE.restarting, BADGE_OF_STATE.unknown, BADGE_OF_STATE.running]).toEqual([
      'failed',
      'failed',
      'warning',
      'unknown',
      'ok',
    ]);
  });

  it('does not call a node unreachable when only its check was cancelled', () => {
    const node = (reachable: boolean, reasons: ServiceStatus['reason'][]) =>
      ({ reachable, statuses: reasons.map((reason) => status({ state: 'unknown', reason })) }) as unknown as NodeStatus;
    expect(isUnreachable(node(false, ['unreachable', 'unreachable']))).toBe(true);
    expect(isUnreachable(node(false, ['cancelled', 'cancelled']))).toBe(false);
    expect(isUnreachable(node(true, []))).toBe(false);
    expect(isUnreachable(undefined)).toBe(false);
  });
});
