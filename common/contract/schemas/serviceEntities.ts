/**
 * Service entities: what runs on a node (a systemd unit or a compose service
 * in the halfstack dir), the per-cluster overrides of the default catalog,
 * and the state a status sweep reads. The calls are in services.ts.
 */
import { z } from 'zod';
import { Id, RemotePath, Role } from './profiles';

export const SERVICE_KINDS = ['systemd', 'compose'] as const;
export const ServiceKind = z.enum(SERVICE_KINDS);
export type ServiceKind = z.infer<typeof ServiceKind>;

/** A catalog entry's key, unique on a node: `manager`, `watcher`, `postgres`... */
export const ServiceId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'Lower-case letters, digits and dashes.');

/** systemd.unit(5) names; `.service` is added when left out. */
export const UnitName = z
  .string()
  .trim()
  .min(1, 'Enter the unit name.')
  .max(256, 'A unit name is at most 256 characters.')
  .regex(/^[A-Za-z0-9:_.@\\-]+$/, 'Unit names use letters, digits and : _ . @ \\ -.')
  .transform((name) => (/\.(service|socket|target|timer|path|mount)$/.test(name) ? name : `${name}.service`));

export const ComposeFile = z
  .string()
  .trim()
  .min(1, 'Enter the compose file.')
  .max(1024, 'A path is at most 1024 characters.')
  .regex(/^[^\0\n\r]+$/, 'A file name is one line.');

export const ComposeProject = z
  .string()
  .trim()
  .min(1, 'Enter the compose project name.')
  .max(63, 'At most 63 characters.')
  .regex(/^[a-z0-9][a-z0-9_-]*$/, 'Lower-case letters, digits, dashes and underscores.');

/** A container name glob: `*` any run of characters, `?` one character. */
export const ContainerPattern = z
  .string()
  .trim()
  .min(1, 'Enter a container name or pattern.')
  .max(128, 'At most 128 characters.')
  .regex(/^[A-Za-z0-9_.*?-]+$/, 'Letters, digits, _ . - and the wildcards * ?.');

const ServiceBase = z.object({
  id: ServiceId,
  role: Role,
  nodeId: Id,
  label: z.string(),
  /** Start order of "start cluster": 0 halfstack, 1 manager and storage-proxy, 2 agents, 3 webserver and proxies. */
  tier: z.number().int().min(0).max(9),
  /** Stop and restart ask for confirmation: the whole cluster depends on it. */
  critical: z.boolean(),
  /** Absent on many installs (the watcher): "not installed" is not a problem. */
  optional: z.boolean(),
});

export const SystemdService = ServiceBase.extend({
  kind: z.literal('systemd'),
  unit: z.string(),
});
export type SystemdService = z.infer<typeof SystemdService>;

export const ComposeService = ServiceBase.extend({
  kind: z.literal('compose'),
  halfstackDir: RemotePath,
  composeFile: ComposeFile,
  composeProject: ComposeProject,
  /** First match wins; the defaults also recognise older and hand-made container names. */
  containerPatterns: z.array(ContainerPattern).min(1),
});
export type ComposeService = z.infer<typeof ComposeService>;

export const ServiceEntry = z.discriminatedUnion('kind', [SystemdService, ComposeService]);
export type ServiceEntry = z.infer<typeof ServiceEntry>;

/**
 * One edit of the catalog for a cluster (nodeId absent) or one node. Fields
 * left out keep the default; node overrides win over cluster ones.
 */
export const ServiceOverride = z.object({
  role: Role,
  /** Which entry of the role (`watcher` of agent); absent: every entry of the role. */
  serviceId: ServiceId.optional(),
  nodeId: Id.optional(),
  /** Another way the role is installed, e.g. `appproxy` units instead of the wsproxy compose file. */
  variant: ServiceId.optional(),
  unit: UnitName.optional(),
  composeFile: ComposeFile.optional(),
  composeProject: ComposeProject.optional(),
  halfstackDir: RemotePath.optional(),
  containerPattern: ContainerPattern.optional(),
  /** This install does not run it (no watcher, say). */
  disabled: z.boolean().optional(),
});
export type ServiceOverrideInput = z.input<typeof ServiceOverride>;
export type ServiceOverride = z.output<typeof ServiceOverride>;

export const SERVICE_STATES = ['running', 'starting', 'stopping', 'restarting', 'stopped', 'failed', 'unknown'] as const;
export const ServiceState = z.enum(SERVICE_STATES);
export type ServiceState = z.infer<typeof ServiceState>;

/**
 * Why a state is unknown. `error`: the node answered, but with something
 * unexpected (see detail); `cancelled`: the operator stopped the sweep before
 * this node answered.
 */
export const UNKNOWN_REASONS = ['unreachable', 'permission', 'not-installed', 'error', 'cancelled'] as const;
export const UnknownReason = z.enum(UNKNOWN_REASONS);
export type UnknownReason = z.infer<typeof UnknownReason>;

export const ContainerHealth = z.enum(['healthy', 'unhealthy', 'starting']);
export type ContainerHealth = z.infer<typeof ContainerHealth>;

export const ContainerStatus = z.object({
  name: z.string(),
  /** docker's State: running, exited, restarting, created, paused, removing, dead. */
  state: z.string(),
  /** docker's Status text: `Up 2 hours (healthy)`, `Exited (1) 3 minutes ago`. */
  status: z.string(),
  health: ContainerHealth.nullable(),
});
export type ContainerStatus = z.infer<typeof ContainerStatus>;

export const ServiceStatus = z.object({
  serviceId: ServiceId,
  state: ServiceState,
  reason: UnknownReason.nullable(),
  /** One line for a person: `active (running)`, `Exited (1) 3 minutes ago`, why it is unknown. */
  detail: z.string(),
  /** When the current state began (ISO 8601), when the node says so. */
  since: z.string().nullable(),
  mainPid: z.number().int().nullable(),
  restarts: z.number().int().nullable(),
  health: ContainerHealth.nullable(),
  containers: z.array(ContainerStatus),
});
export type ServiceStatus = z.infer<typeof ServiceStatus>;

export const COMPOSE_CLIS = ['docker-compose', 'docker compose'] as const;
export const ComposeCli = z.enum(COMPOSE_CLIS);
export type ComposeCli = z.infer<typeof ComposeCli>;

/** What a sweep learnt about the node's tools, for choosing commands. null: not asked. */
export const NodeFacts = z.object({
  hasSystemctl: z.boolean().nullable(),
  hasDocker: z.boolean().nullable(),
  /** The standalone `docker-compose` binary (v1, or v2 installed under that name). */
  hasDockerCompose: z.boolean().nullable(),
  composeCli: ComposeCli.nullable(),
  dockerAccess: z.enum(['ok', 'permission', 'daemon-down', 'missing']).nullable(),
});
export type NodeFacts = z.infer<typeof NodeFacts>;

/** Red: something failed or is stopped. Amber: moving or unknown. Green: all running. Grey: nothing known. */
export const HEALTHS = ['red', 'amber', 'green', 'grey'] as const;
export const Health = z.enum(HEALTHS);
export type Health = z.infer<typeof Health>;

export const StatusRollup = z.object({
  health: Health,
  counts: z.record(ServiceState, z.number().int()),
  total: z.number().int(),
  /** One line for the tree and home screen: `2 of 9 services failed`. */
  summary: z.string(),
});
export type StatusRollup = z.infer<typeof StatusRollup>;

/** One thing "scan node" found, and what it suggests. */
export const ScanFinding = z.object({
  role: Role.nullable(),
  serviceId: ServiceId.nullable(),
  /** `unit backendai-manager.service (active running)`, `container halfstack-db (Up 2 hours)`. */
  evidence: z.string(),
});
export type ScanFinding = z.infer<typeof ScanFinding>;

export const ScanProposal = z.object({
  roles: z.array(Role),
  overrides: z.array(ServiceOverride),
  findings: z.array(ScanFinding),
  /** backendai-* units the catalog does not know, for the operator to look at. */
  unrecognisedUnits: z.array(z.string()),
  composeCli: ComposeCli.nullable(),
});
export type ScanProposal = z.infer<typeof ScanProposal>;

