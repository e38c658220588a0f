/** A ~/.ssh/config Host offered for import, turned into a node's fields. */
import type { NodeFieldsInput, SshConfigHost } from '../../../common/contract/schemas/profiles';

/** Node names allow letters, digits, dots, dashes and underscores; an alias may hold more. */
export function nodeNameFromAlias(alias: string): string {
  const cleaned = alias.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '');
  return (cleaned || 'node').slice(0, 80);
}

export function nodeFieldsFromSshHost(h: SshConfigHost): NodeFieldsInput {
  return {
    name: nodeNameFromAlias(h.alias),
    host: h.hostName,
    ...(h.port !== undefined ? { port: h.port } : {}),
    ssh: {
      ...(h.user ? { user: h.user } : {}),
      ...(h.identityFile ? { keyPath: h.identityFile, authMethod: 'key' as const } : {}),
      ...(h.proxyJump && h.proxyJump.length > 0 ? { jumpHosts: h.proxyJump } : {}),
    },
    roles: [],
  };
}
