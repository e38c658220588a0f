/**
 * Cluster profiles: what an operator saves about a customer's cluster and its
 * nodes. Field rules live here once, so the form, both transports and the
 * store import/export all reject the same bad input with the same message.
 */
import { z } from 'zod';

export const ROLES = [
  'manager',
  'agent',
  'webserver',
  'storage-proxy',
  'wsproxy',
  'postgres',
  'redis',
  'etcd',
] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const AUTH_METHODS = ['key', 'password', 'agent', 'keyboard-interactive'] as const;
export const AuthMethod = z.enum(AUTH_METHODS);
export type AuthMethod = z.infer<typeof AuthMethod>;

export const SUDO_MODES = ['auto', 'nopasswd', 'password', 'none'] as const;
export const SudoMode = z.enum(SUDO_MODES);
export type SudoMode = z.infer<typeof SudoMode>;

const hostPattern = /^[A-Za-z0-9._:-]+$/;
export const Host = z
  .string()
  .trim()
  .min(1, 'Enter a host name or address.')
  .max(253, 'A host name is at most 253 characters.')
  .regex(hostPattern, 'Use letters, digits, dots, dashes or an IP address.');
export const Port = z
  .number({ error: 'Enter a port number.' })
  .int('A port is a whole number.')
  .min(1, 'A port is between 1 and 65535.')
  .max(65535, 'A port is between 1 and 65535.');
export const UserName = z
  .string()
  .trim()
  .min(1, 'Enter a user name.')
  .max(64, 'A user name is at most 64 characters.')
  .regex(/^[A-Za-z0-9._][A-Za-z0-9._-]*\$?$/, 'Use letters, digits, dots, dashes or underscores.');
export const RemotePath = z
  .string()
  .trim()
  .min(1, 'Enter a path.')
  .max(1024, 'A path is at most 1024 characters.')
  .regex(/^[/~]/, 'Use an absolute path (starting with / or ~).');
export const LocalPath = z.string().trim().max(4096, 'A path is at most 4096 characters.');
export const Name = z
  .string()
  .trim()
  .min(1, 'Enter a name.')
  .max(80, 'A name is at most 80 characters.');
export const Color = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, 'Pick a colour like #3b82f6.');
export const Id = z.string().min(1).max(64);

/** One hop of a ProxyJump chain, in order from the laptop outwards. */
export const JumpHost = z.object({
  host: Host,
  port: Port.default(22),
  user: UserName.optional(),
  authMethod: AuthMethod.optional(),
  keyPath: LocalPath.optional(),
});
export type JumpHost = z.infer<typeof JumpHost>;

export const SshSettings = z.object({
  user: UserName,
  port: Port.default(22),
  authMethod: AuthMethod.default('key'),
  keyPath: LocalPath.optional(),
  jumpHosts: z.array(JumpHost).max(8, 'At most 8 jump hosts.').default([]),
});
export type SshSettings = z.infer<typeof SshSettings>;

export const SshOverrides = z.object({
  user: UserName.optional(),
  port: Port.optional(),
  authMethod: AuthMethod.optional(),
  keyPath: LocalPath.optional(),
  jumpHosts: z.array(JumpHost).max(8, 'At most 8 jump hosts.').optional(),
});
export type SshOverrides = z.infer<typeof SshOverrides>;

export const ClusterFields = z.object({
  name: Name,
  customer: z.string().trim().max(120, 'At most 120 characters.').default(''),
  notes: z.string().max(10_000, 'Notes are at most 10,000 characters.').default(''),
  color: Color.default('#3b82f6'),
  tags: z.array(z.string().trim().min(1).max(40)).max(20).default([]),
  isProduction: z.boolean().default(false),
  ssh: SshSettings,
  halfstackDir: RemotePath.default('/home/lablup/halfstack'),
  composeProject: z
    .string()
    .trim()
    .min(1, 'Enter the compose project name.')
    .max(63, 'At most 63 characters.')
    .regex(/^[a-z0-9][a-z0-9_-]*$/, 'Lower-case letters, digits, dashes and underscores.')
    .default('halfstack'),
  managerDir: RemotePath.default('/home/lablup/manager'),
  sudoMode: SudoMode.default('auto'),
});
export type ClusterFieldsInput = z.input<typeof ClusterFields>;
export type ClusterFields = z.output<typeof ClusterFields>;

export const Cluster = ClusterFields.extend({
  id: Id,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Cluster = z.infer<typeof Cluster>;

export const NodeFields = z.object({
  name: Name.regex(/^[A-Za-z0-9._-]+$/, 'Use letters, digits, dots, dashes or underscores.'),
  host: Host,
  port: Port.optional(),
  ssh: SshOverrides.default({}),
  roles: z.array(Role).default([]),
});
export type NodeFieldsInput = z.input<typeof NodeFields>;
export type NodeFields = z.output<typeof NodeFields>;

export const ClusterNode = NodeFields.extend({
  id: Id,
  clusterId: Id,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ClusterNode = z.infer<typeof ClusterNode>;

export const ClusterWithNodes = Cluster.extend({ nodes: z.array(ClusterNode) });
export type ClusterWithNodes = z.infer<typeof ClusterWithNodes>;

/** The JSON file an operator exports and imports. Never holds a secret. */
export const CLUSTER_EXPORT_FORMAT = 'clusterdeck.cluster';
export const ClusterExport = z.object({
  format: z.literal(CLUSTER_EXPORT_FORMAT),
  version: z.literal(1),
  cluster: ClusterFields,
  nodes: z.array(NodeFields),
});
export type ClusterExport = z.infer<typeof ClusterExport>;

/** A Host block of ~/.ssh/config, resolved, offered for import as a node. */
export const SshConfigHost = z.object({
  alias: z.string(),
  hostName: z.string(),
  user: z.string().optional(),
  port: z.number().int().optional(),
  identityFile: z.string().optional(),
  proxyJump: z.array(JumpHost).default([]),
});
export type SshConfigHost = z.infer<typeof SshConfigHost>;

const empty = z.object({}).strict();

export const profileMethods = {
  listClusters: { input: empty, output: z.array(ClusterWithNodes) },
  getCluster: { input: z.object({ clusterId: Id }).strict(), output: ClusterWithNodes },
  createCluster: { input: ClusterFields.strict(), output: ClusterWithNodes },
  updateCluster: {
    input: z.object({ clusterId: Id, fields: ClusterFields.strict() }).strict(),
    output: ClusterWithNodes,
  },
  duplicateCluster: {
    input: z.object({ clusterId: Id, name: Name }).strict(),
    output: ClusterWithNodes,
  },
  deleteCluster: { input: z.object({ clusterId: Id }).strict(), output: z.object({ deleted: z.boolean() }) },
  addNode: {
    input: z.object({ clusterId: Id, fields: NodeFields.strict() }).strict(),
    output: ClusterNode,
  },
  updateNode: {
    input: z.object({ nodeId: Id, fields: NodeFields.strict() }).strict(),
    output: ClusterNode,
  },
  deleteNode: { input: z.object({ nodeId: Id }).strict(), output: z.object({ deleted: z.boolean() }) },
  exportCluster: {
    input: z.object({ clusterId: Id }).strict(),
    output: z.object({ fileName: z.string(), json: z.string() }),
  },
  importCluster: {
    input: z
      .object({
        json: z.string().max(5_000_000, 'The file is larger than 5 MB.'),
        name: Name.optional(),
      })
      .strict(),
    output: ClusterWithNodes,
  },
  listSshConfigHosts: {
    input: z.object({ path: LocalPath.optional() }).strict(),
    output: z.object({ path: z.string(), hosts: z.array(SshConfigHost) }),
  },
} as const;
