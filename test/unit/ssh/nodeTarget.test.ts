import { describe, expect, it } from 'vitest';
import { ClusterFields, NodeFields } from '../../../common/contract/schemas/profiles';
import { hopAddress, resolveNodeTarget, targetKey } from '../../../main/core/ssh/nodeTarget';

const cluster = {
  id: 'c1',
  ...ClusterFields.parse({
    name: 'acme',
    sudoMode: 'password',
    ssh: { user: 'ops', authMethod: 'key', keyPath: '/keys/acme', jumpHosts: [{ host: 'bastion.acme', user: 'jump' }] },
  }),
};
const node = (fields: unknown) => ({ id: 'n1', ...NodeFields.parse(fields) });

describe('resolveNodeTarget', () => {
  it('takes the cluster defaults, jump hosts first and the node last', () => {
    const t = resolveNodeTarget(cluster, node({ name: 'bai-a01', host: '10.0.0.5' }));
    expect(t.sudoMode).toBe('password');
    expect(t.hops).toEqual([
      { host: 'bastion.acme', port: 22, user: 'jump', authMethod: 'key', keyPath: '/keys/acme', label: 'jump host bastion.acme', isJump: true },
      { host: '10.0.0.5', port: 22, user: 'ops', authMethod: 'key', keyPath: '/keys/acme', label: 'bai-a01', isJump: false },
    ]);
  });

  it('lets a node override user, port, auth and the jump chain (empty = direct)', () => {
    const t = resolveNodeTarget(cluster, node({ name: 'bai-a02', host: '10.0.0.6', ssh: { user: 'root', port: 2222, authMethod: 'password', jumpHosts: [] } }));
    expect(t.hops).toEqual([{ host: '10.0.0.6', port: 2222, user: 'root', authMethod: 'password', keyPath: '/keys/acme', label: 'bai-a02', isJump: false }]);
  });

  it("uses the node's port field when the SSH override has none", () => {
    const t = resolveNodeTarget(cluster, node({ name: 'x', host: 'h', port: 2200 }));
    expect(t.hops.at(-1)?.port).toBe(2200);
  });

  it('keys the pool by every hop, so a settings change gets a new connection', () => {
    const a = targetKey(resolveNodeTarget(cluster, node({ name: 'x', host: 'h' })));
    const b = targetKey(resolveNodeTarget(cluster, node({ name: 'x', host: 'h', ssh: { user: 'other' } })));
    expect(a).not.toBe(b);
  });

  it('names hops the way messages do', () => {
    expect(hopAddress({ label: 'bai-a01', host: '192.0.2.21', port: 22 })).toBe('bai-a01 (192.0.2.21:22)');
    expect(hopAddress({ label: '192.0.2.5', host: '192.0.2.5', port: 22 })).toBe('192.0.2.5:22');
  });
});
