/**
 * The cluster editor's draft: every field as the form holds it (text), and
 * the conversion to the API's ClusterFields. Validation is not repeated
 * here; the API answers with field-level messages that the form shows.
 */
import type { AuthMethod, ClusterFieldsInput, ClusterWithNodes, SudoMode } from '../../../common/contract/schemas/profiles';
import { draftFromJumpHost, jumpHostFromDraft, portFromText, type JumpHostDraft } from './jumpHostDraft';

export interface ClusterDraft {
  name: string;
  customer: string;
  notes: string;
  color: string;
  /** Comma-separated, as typed. */
  tags: string;
  isProduction: boolean;
  sshUser: string;
  sshPort: string;
  authMethod: AuthMethod;
  keyPath: string;
  jumpHosts: JumpHostDraft[];
  halfstackDir: string;
  composeProject: string;
  managerDir: string;
  sudoMode: SudoMode;
}

export function newClusterDraft(): ClusterDraft {
  return {
    name: '',
    customer: '',
    notes: '',
    color: '#3b82f6',
    tags: '',
    isProduction: false,
    sshUser: '',
    sshPort: '22',
    authMethod: 'key',
    keyPath: '',
    jumpHosts: [],
    halfstackDir: '/home/lablup/halfstack',
    composeProject: 'halfstack',
    managerDir: '/home/lablup/manager',
    sudoMode: 'auto',
  };
}

export function draftFromCluster(c: ClusterWithNodes): ClusterDraft {
  return {
    name: c.name,
    customer: c.customer,
    notes: c.notes,
    color: c.color,
    tags: c.tags.join(', '),
    isProduction: c.isProduction,
    sshUser: c.ssh.user,
    sshPort: String(c.ssh.port),
    authMethod: c.ssh.authMethod,
    keyPath: c.ssh.keyPath ?? '',
    jumpHosts: c.ssh.jumpHosts.map(draftFromJumpHost),
    halfstackDir: c.halfstackDir,
    composeProject: c.composeProject,
    managerDir: c.managerDir,
    sudoMode: c.sudoMode,
  };
}

export function tagsFromText(text: string): string[] {
  return [...new Set(text.split(',').map((t) => t.trim()).filter((t) => t !== ''))];
}

export function clusterFieldsFromDraft(d: ClusterDraft): ClusterFieldsInput {
  const keyPath = d.keyPath.trim();
  const port = portFromText(d.sshPort);
  return {
    name: d.name,
    customer: d.customer,
    notes: d.notes,
    color: d.color,
    tags: tagsFromText(d.tags),
    isProduction: d.isProduction,
    ssh: {
      user: d.sshUser,
      ...(port !== undefined ? { port } : {}),
      authMethod: d.authMethod,
      ...(keyPath ? { keyPath } : {}),
      jumpHosts: d.jumpHosts.map(jumpHostFromDraft),
    },
    halfstackDir: d.halfstackDir,
    composeProject: d.composeProject,
    managerDir: d.managerDir,
    sudoMode: d.sudoMode,
  };
}

/**
 * API field paths name the call's input ("fields.ssh.port" for updates);
 * the form names its own fields. Both map to the draft's keys here.
 */
export function clusterDraftFieldOf(apiPath: string): string {
  const p = apiPath.replace(/^fields\./, '');
  const jump = /^ssh\.jumpHosts\.(\d+)\.(host|port|user)/.exec(p);
  if (jump) return `jumpHosts.${jump[1]}.${jump[2]}`;
  const map: Record<string, string> = { 'ssh.user': 'sshUser', 'ssh.port': 'sshPort', 'ssh.authMethod': 'authMethod', 'ssh.keyPath': 'keyPath', 'ssh.jumpHosts': 'jumpHosts' };
  if (map[p]) return map[p];
  if (p.startsWith('tags')) return 'tags';
  return p;
}
