/**
 * The node editor's draft. SSH fields left blank inherit the cluster's
 * defaults; the jump host chain is inherited unless "own chain" is ticked.
 */
import type { AuthMethod, ClusterNode, NodeFieldsInput, Role } from '../../../common/contract/schemas/profiles';
import { draftFromJumpHost, jumpHostFromDraft, portFromText, type JumpHostDraft } from './jumpHostDraft';

export interface NodeDraft {
  name: string;
  host: string;
  port: string;
  sshUser: string;
  /** '' inherits the cluster's method. */
  authMethod: AuthMethod | '';
  keyPath: string;
  hasOwnJumpHosts: boolean;
  jumpHosts: JumpHostDraft[];
  roles: Role[];
}

export function newNodeDraft(): NodeDraft {
  return { name: '', host: '', port: '', sshUser: '', authMethod: '', keyPath: '', hasOwnJumpHosts: false, jumpHosts: [], roles: [] };
}

export function draftFromNode(n: ClusterNode): NodeDraft {
  return {
    name: n.name,
    host: n.host,
    port: n.port === undefined ? (n.ssh.port === undefined ? '' : String(n.ssh.port)) : String(n.port),
    sshUser: n.ssh.user ?? '',
    authMethod: n.ssh.authMethod ?? '',
    keyPath: n.ssh.keyPath ?? '',
    hasOwnJumpHosts: n.ssh.jumpHosts !== undefined,
    jumpHosts: (n.ssh.jumpHosts ?? []).map(draftFromJumpHost),
    roles: [...n.roles],
  };
}

export function nodeFieldsFromDraft(d: NodeDraft): NodeFieldsInput {
  const port = portFromText(d.port);
  const user = d.sshUser.trim();
  const keyPath = d.keyPath.trim();
  return {
    name: d.name,
    host: d.host,
    ...(port !== undefined ? { port } : {}),
    ssh: {
      ...(user ? { user } : {}),
      ...(d.authMethod ? { authMethod: d.authMethod } : {}),
      ...(keyPath ? { keyPath } : {}),
      ...(d.hasOwnJumpHosts ? { jumpHosts: d.jumpHosts.map(jumpHostFromDraft) } : {}),
    },
    roles: d.roles,
  };
}

export function nodeDraftFieldOf(apiPath: string): string {
  const p = apiPath.replace(/^fields\./, '');
  const jump = /^ssh\.jumpHosts\.(\d+)\.(host|port|user)/.exec(p);
  if (jump) return `jumpHosts.${jump[1]}.${jump[2]}`;
  const map: Record<string, string> = { 'ssh.user': 'sshUser', 'ssh.port': 'port', 'ssh.authMethod': 'authMethod', 'ssh.keyPath': 'keyPath', 'ssh.jumpHosts': 'jumpHosts' };
  if (map[p]) return map[p];
  if (p.startsWith('roles')) return 'roles';
  return p;
}
