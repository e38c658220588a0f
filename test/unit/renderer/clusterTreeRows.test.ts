import { describe, expect, it } from 'vitest';
import type { ClusterWithNodes } from '../../../common/contract/schemas/profiles';
import { treeKeyMove, visibleTreeRows } from '../../../renderer/features/clusters/clusterTreeRows';

const stamp = { createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z' };
const cluster = (id: string, nodes: ClusterWithNodes['nodes']): ClusterWithNodes => ({
  id,
  name: id,
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
  nodes,
  ...stamp,
});
const node = (id: string, clusterId: string, roles: ClusterWithNodes['nodes'][number]['roles']) => ({
  id,
  clusterId,
  name: id,
  host: `${id}.lab`,
  ssh: {},
  roles,
  ...stamp,
});

const clusters = [cluster('acme', [node('m1', 'acme', ['etcd', 'manager']), node('a1', 'acme', [])]), cluster('beta', [])];

describe('the sidebar tree rows', () => {
  it('shows only clusters while nothing is expanded', () => {
    expect(visibleTreeRows(clusters, new Set()).map((r) => r.id)).toEqual(['cluster:acme', 'cluster:beta']);
  });

  it('lists a node\'s services in catalog order, whatever order the roles were ticked in', () => {
    const rows = visibleTreeRows(clusters, new Set(['cluster:acme', 'node:m1']));
    expect(rows.map((r) => r.id)).toEqual(['cluster:acme', 'node:m1', 'service:m1:manager', 'service:m1:etcd', 'node:a1', 'cluster:beta']);
    expect(rows.map((r) => r.level)).toEqual([1, 2, 3, 3, 2, 1]);
    expect(rows.find((r) => r.id === 'node:a1')?.hasChildren).toBe(false);
    expect(rows.find((r) => r.id === 'cluster:beta')?.hasChildren).toBe(false);
  });
});

describe('tree keyboard moves (WAI-ARIA tree view)', () => {
  const expanded = new Set(['cluster:acme']);
  const rows = visibleTreeRows(clusters, expanded);
  const move = (from: string | null, key: string, exp: ReadonlySet<string> = expanded) => treeKeyMove(rows, from, key, exp);

  it.each([
    ['cluster:acme', 'ArrowDown', { type: 'focus', id: 'node:m1' }],
    ['node:m1', 'ArrowUp', { type: 'focus', id: 'cluster:acme' }],
    ['cluster:acme', 'ArrowUp', { type: 'none' }],
    ['cluster:beta', 'ArrowDown', { type: 'none' }],
    ['cluster:acme', 'ArrowRight', { type: 'focus', id: 'node:m1' }],
    ['node:m1', 'ArrowRight', { type: 'expand', id: 'node:m1' }],
    ['node:a1', 'ArrowRight', { type: 'none' }],
    ['cluster:acme', 'ArrowLeft', { type: 'collapse', id: 'cluster:acme' }],
    ['node:a1', 'ArrowLeft', { type: 'focus', id: 'cluster:acme' }],
    ['cluster:beta', 'ArrowLeft', { type: 'none' }],
    ['node:m1', 'Enter', { type: 'open', id: 'node:m1' }],
    ['node:a1', 'Home', { type: 'focus', id: 'cluster:acme' }],
    ['cluster:acme', 'End', { type: 'focus', id: 'cluster:beta' }],
    ['cluster:acme', 'x', { type: 'none' }],
  ])('%s + %s', (from, key, expected) => {
    expect(move(from, key)).toEqual(expected);
  });

  it('focuses the first row when the focused row disappeared', () => {
    expect(move('node:gone', 'ArrowDown')).toEqual({ type: 'focus', id: 'cluster:acme' });
  });

  it('expands a collapsed cluster on ArrowRight', () => {
    const collapsed = new Set<string>();
    expect(treeKeyMove(visibleTreeRows(clusters, collapsed), 'cluster:acme', 'ArrowRight', collapsed)).toEqual({ type: 'expand', id: 'cluster:acme' });
  });
});
