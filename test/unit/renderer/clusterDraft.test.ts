import { describe, expect, it } from 'vitest';
import { ClusterFields, NodeFields } from '../../../common/contract/schemas/profiles';
import { fieldMessages } from '../../../common/rpc/validation';
import { clusterDraftFieldOf, clusterFieldsFromDraft, newClusterDraft, tagsFromText } from '../../../renderer/features/clusters/clusterDraft';
import { portFromText } from '../../../renderer/features/clusters/jumpHostDraft';
import { newNodeDraft, nodeDraftFieldOf, nodeFieldsFromDraft } from '../../../renderer/features/clusters/nodeDraft';

describe('the cluster form draft', () => {
  it('a new draft with a name and user is a valid cluster with the guide\'s defaults', () => {
    const parsed = ClusterFields.strict().parse(clusterFieldsFromDraft({ ...newClusterDraft(), name: 'acme', sshUser: 'lablup' }));
    expect(parsed).toMatchObject({
      name: 'acme',
      ssh: { user: 'lablup', port: 22, authMethod: 'key', jumpHosts: [] },
      halfstackDir: '/home/lablup/halfstack',
      managerDir: '/home/lablup/manager',
    });
  });

  it('carries the jump host chain in order', () => {
    const draft = {
      ...newClusterDraft(),
      name: 'acme',
      sshUser: 'lablup',
      jumpHosts: [
        { host: 'bastion1', port: '', user: 'jump' },
        { host: 'bastion2', port: '2222', user: '' },
      ],
    };
    expect(ClusterFields.strict().parse(clusterFieldsFromDraft(draft)).ssh.jumpHosts).toEqual([
      { host: 'bastion1', port: 22, user: 'jump' },
      { host: 'bastion2', port: 2222 },
    ]);
  });

  it('a bad port reaches the API as a refused port and comes back on the SSH port field', () => {
    for (const text of ['abc', '70000', '0']) {
      const result = ClusterFields.strict().safeParse(clusterFieldsFromDraft({ ...newClusterDraft(), name: 'acme', sshUser: 'u', sshPort: text }));
      expect(result.success).toBe(false);
      if (!result.success) {
        const fields = fieldMessages(result.error);
        expect(Object.keys(fields).map(clusterDraftFieldOf)).toEqual(['sshPort']);
      }
    }
  });

  it('maps update-call field paths to the form fields', () => {
    expect(clusterDraftFieldOf('fields.ssh.user')).toBe('sshUser');
    expect(clusterDraftFieldOf('fields.ssh.jumpHosts.1.port')).toBe('jumpHosts.1.port');
    expect(clusterDraftFieldOf('name')).toBe('name');
    expect(clusterDraftFieldOf('tags.3')).toBe('tags');
  });

  it('splits tags on commas, trimmed and without repeats', () => {
    expect(tagsFromText(' gpu, on-prem ,,gpu ')).toEqual(['gpu', 'on-prem']);
  });

  it.each([
    ['', undefined],
    [' 22 ', 22],
    ['2x', Number.NaN],
  ])('port text %j -> %s', (text, port) => {
    expect(portFromText(text)).toEqual(port);
  });
});

describe('the node form draft', () => {
  it('leaves blank overrides out, so the cluster defaults apply', () => {
    const fields = NodeFields.strict().parse(nodeFieldsFromDraft({ ...newNodeDraft(), name: 'bai-m01', host: '10.0.0.5', roles: ['manager'] }));
    expect(fields).toEqual({ name: 'bai-m01', host: '10.0.0.5', ssh: {}, roles: ['manager'] });
  });

  it('an own (even empty) jump chain overrides the cluster\'s', () => {
    const fields = nodeFieldsFromDraft({ ...newNodeDraft(), name: 'n', host: 'h', hasOwnJumpHosts: true });
    expect(fields.ssh?.jumpHosts).toEqual([]);
  });

  it('maps node field errors to the form fields', () => {
    expect(nodeDraftFieldOf('fields.port')).toBe('port');
    expect(nodeDraftFieldOf('fields.ssh.user')).toBe('sshUser');
    expect(nodeDraftFieldOf('fields.roles.0')).toBe('roles');
  });
});
