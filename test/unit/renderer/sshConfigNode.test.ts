import { describe, expect, it } from 'vitest';
import { NodeFields } from '../../../common/contract/schemas/profiles';
import { nodeFieldsFromSshHost, nodeNameFromAlias } from '../../../renderer/features/clusters/sshConfigNode';

describe('a ~/.ssh/config Host as a node', () => {
  it('carries HostName, User, Port, IdentityFile and the ProxyJump chain', () => {
    const fields = nodeFieldsFromSshHost({
      alias: 'bai-m01',
      hostName: '10.0.0.5',
      user: 'lablup',
      port: 2222,
      identityFile: '~/.ssh/acme',
      proxyJump: [{ host: 'bastion.acme', port: 22, user: 'jump' }],
    });
    expect(NodeFields.strict().parse(fields)).toEqual({
      name: 'bai-m01',
      host: '10.0.0.5',
      port: 2222,
      ssh: { user: 'lablup', keyPath: '~/.ssh/acme', authMethod: 'key', jumpHosts: [{ host: 'bastion.acme', port: 22, user: 'jump' }] },
      roles: [],
    });
  });

  it.each([
    ['acme prod/m1', 'acme-prod-m1'],
    ['**', 'node'],
    ['gpu_01.lab', 'gpu_01.lab'],
  ])('alias %j becomes node name %j', (alias, name) => {
    expect(nodeNameFromAlias(alias)).toBe(name);
  });
});
