/**
 * Calls of the SSH engine and the secret store: test a node's connection,
 * answer host-key and login prompts, manage saved host keys, and save or
 * forget credentials. A saved secret's value is accepted here and never
 * returned by any call.
 */
import { z } from 'zod';
import { Host, Id, Port } from './profiles';

export const SECRET_KINDS = ['ssh-password', 'key-passphrase', 'sudo-password', 'db-password'] as const;
export const SecretKind = z.enum(SECRET_KINDS);
export type SecretKind = z.infer<typeof SecretKind>;

/** A secret belongs to a whole cluster (default for its nodes) or to one node (override). */
export const SecretScope = z.union([
  z.object({ clusterId: Id }).strict(),
  z.object({ nodeId: Id }).strict(),
]);
export type SecretScope = z.infer<typeof SecretScope>;

export const SecretInfo = z.object({
  kind: SecretKind,
  scope: SecretScope,
  saved: z.literal(true),
  updatedAt: z.string(),
});
export type SecretInfo = z.infer<typeof SecretInfo>;

export const HostKeyInfo = z.object({ type: z.string(), fingerprint: z.string() });
export type HostKeyInfo = z.infer<typeof HostKeyInfo>;

export const ConnectionTest = z.object({
  latencyMs: z.number(),
  authMethod: z.string(),
  serverVersion: z.string(),
  hostKey: HostKeyInfo,
  jumpHops: z.array(
    z.object({ host: z.string(), port: z.number().int(), authMethod: z.string(), serverVersion: z.string(), hostKey: HostKeyInfo }),
  ),
});
export type ConnectionTest = z.infer<typeof ConnectionTest>;

/** A host key saved in ClusterDeck's own store ("Trust and remember", "Replace key"). */
export const KnownHostEntry = z.object({
  host: z.string(),
  port: z.number().int(),
  keyType: z.string(),
  fingerprint: z.string(),
  savedAt: z.string(),
});
export type KnownHostEntry = z.infer<typeof KnownHostEntry>;

export const KNOWN_HOST_SOURCES = ['app', 'known_hosts'] as const;
export const KnownHostSource = z.enum(KNOWN_HOST_SOURCES);
export type KnownHostSource = z.infer<typeof KnownHostSource>;

/** A saved node (or a cluster's jump host) whose address a known_hosts line names. */
export const KnownHostMatch = z.object({
  kind: z.enum(['node', 'jump']),
  clusterId: z.string(),
  clusterName: z.string(),
  /** The node's id; null for a jump host (shared by the cluster's nodes). */
  nodeId: z.string().nullable(),
  /** "bai-m1", or "jump host 192.0.2.5". */
  name: z.string(),
  host: z.string(),
  port: z.number().int(),
});
export type KnownHostMatch = z.infer<typeof KnownHostMatch>;

/** One line of the operator's ~/.ssh/known_hosts: read-only to ClusterDeck. */
export const FileKnownHost = z.object({
  source: z.literal('known_hosts'),
  /** 1-based line number in the file. */
  line: z.number().int(),
  marker: z.enum(['revoked', 'cert-authority']).nullable(),
  /** The host patterns as written; hashed ones (|1|salt|hash) stay hashed. */
  patterns: z.array(z.string()),
  /** True when any pattern is hashed: the host it names is only known if it matches a saved address. */
  hashed: z.boolean(),
  keyType: z.string(),
  fingerprint: z.string(),
  /** Saved nodes and jump hosts the line names (checked per address, so hashed lines too). */
  matches: z.array(KnownHostMatch),
});
export type FileKnownHost = z.infer<typeof FileKnownHost>;

export const KnownHostListEntry = z.discriminatedUnion('source', [KnownHostEntry.extend({ source: z.literal('app') }), FileKnownHost]);
export type KnownHostListEntry = z.infer<typeof KnownHostListEntry>;
export type AppKnownHost = Extract<KnownHostListEntry, { source: 'app' }>;

/** What became of reading ~/.ssh/known_hosts: a missing file is no error, just no lines. */
export const KnownHostsFileInfo = z.object({
  /** The absolute path, for "edit this file". */
  path: z.string(),
  /** "~/.ssh/known_hosts", as messages name it. */
  label: z.string(),
  state: z.enum(['read', 'missing', 'unreadable']),
  /** Why an unreadable file could not be read. */
  message: z.string().optional(),
  /** Non-comment lines the parser could not read (OpenSSH ignores them too). */
  skipped: z.number().int(),
  /** The first few of those line numbers. */
  skippedLines: z.array(z.number().int()),
});
export type KnownHostsFileInfo = z.infer<typeof KnownHostsFileInfo>;

export const KnownHostsList = z.object({
  entries: z.array(KnownHostListEntry),
  /** Null when only the app's keys were asked for (source: 'app'). */
  knownHostsFile: KnownHostsFileInfo.nullable(),
});
export type KnownHostsList = z.infer<typeof KnownHostsList>;

export const RekeyResult = z.object({
  nodeId: z.string(),
  host: z.string(),
  port: z.number().int(),
  /** unchanged: the saved key is still presented; changed/new: call replaceHostKey with `fingerprint` to accept it. */
  status: z.enum(['unchanged', 'changed', 'new', 'unreachable']),
  keyType: z.string().nullable(),
  fingerprint: z.string().nullable(),
  previousFingerprint: z.string().nullable(),
  message: z.string().optional(),
});
export type RekeyResult = z.infer<typeof RekeyResult>;

/** A host key that is not the saved one: the connection was refused before anything was sent. */
export const HostKeyChange = z.object({
  /** The hop that presented it: "bai-a03 (192.0.2.131:22)" or a jump host's address. */
  where: z.string(),
  host: z.string(),
  port: z.number().int(),
  savedKeyType: z.string(),
  savedFingerprint: z.string(),
  presentedKeyType: z.string(),
  presentedFingerprint: z.string(),
  /** The ~/.ssh/known_hosts line that trusts the old key (read-only to ClusterDeck), or null for the app's own store. */
  savedInFile: z.string().nullable(),
});
export type HostKeyChange = z.infer<typeof HostKeyChange>;

export const NodeConnectionInfo = z.object({
  nodeId: z.string(),
  state: z.enum(['idle', 'connecting', 'ready', 'reconnecting', 'failed']),
  reason: z.string().optional(),
  /** Set when the failure is a changed host key. */
  hostKeyChange: HostKeyChange.optional(),
  channels: z.number().int(),
  queued: z.number().int(),
});
export type NodeConnectionInfo = z.infer<typeof NodeConnectionInfo>;

const secretValue = z.string().min(1, 'Enter the secret.').max(4096, 'A secret is at most 4096 characters.');

export const sshMethods = {
  testConnection: { input: z.object({ nodeId: Id }).strict(), output: ConnectionTest },
  answerHostKeyPrompt: {
    input: z.object({ promptId: z.string().max(64), decision: z.enum(['trust-remember', 'trust-once', 'cancel']) }).strict(),
    output: z.object({ accepted: z.boolean() }),
  },
  answerAuthPrompt: {
    input: z
      .object({
        promptId: z.string().max(64),
        answers: z.array(z.string().max(4096)).max(16).optional(),
        cancel: z.boolean().default(false),
        /** Save a password or key passphrase answer in the secret store (never an OTP). */
        remember: z.boolean().default(false),
      })
      .strict(),
    output: z.object({ accepted: z.boolean() }),
  },
  replaceHostKey: {
    input: z.object({ nodeId: Id, fingerprint: z.string().regex(/^SHA256:[A-Za-z0-9+/]{43}$/, 'Use a SHA256:… fingerprint.') }).strict(),
    output: KnownHostEntry,
  },
  forgetHostKeys: {
    input: z.object({ host: Host, port: Port.default(22) }).strict(),
    output: z.object({ removed: z.number().int() }),
  },
  rekeyNodes: { input: z.object({ nodeIds: z.array(Id).min(1).max(500) }).strict(), output: z.array(RekeyResult) },
  listKnownHosts: {
    /** Without `source`, both: the keys ClusterDeck saved and the lines of ~/.ssh/known_hosts. */
    input: z.object({ source: KnownHostSource.optional() }).strict(),
    output: KnownHostsList,
  },
  getNodeConnections: { input: z.object({}).strict(), output: z.array(NodeConnectionInfo) },
  setSecret: {
    input: z.object({ scope: SecretScope, kind: SecretKind, value: secretValue }).strict(),
    output: SecretInfo,
  },
  forgetSecret: {
    input: z.object({ scope: SecretScope, kind: SecretKind }).strict(),
    output: z.object({ forgotten: z.boolean() }),
  },
  listSecrets: { input: z.object({ clusterId: Id.optional() }).strict(), output: z.array(SecretInfo) },
  unlockSecrets: {
    input: z.object({ passphrase: z.string().min(8, 'Use at least 8 characters.').max(1024) }).strict(),
    output: z.object({ secrets: z.enum(['unlocked', 'locked', 'unavailable']) }),
  },
} as const;
