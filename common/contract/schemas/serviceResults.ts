/**
 * What service calls return: a cluster's resolved services with its saved
 * overrides, a node's swept status, the result of one control action, of a
 * bulk action and of "start/stop cluster". Plain data, shared by core and UI.
 */
import { z } from 'zod';
import { Id } from './profiles';
import { NodeFacts, ScanProposal, ServiceEntry, ServiceId, ServiceOverride, ServiceStatus, StatusRollup } from './serviceEntities';

export const StoredOverride = ServiceOverride.extend({ id: Id });
export type StoredOverride = z.output<typeof StoredOverride>;

export const NodeServices = z.object({ nodeId: Id, nodeName: z.string(), services: z.array(ServiceEntry) });
export type NodeServices = z.infer<typeof NodeServices>;

export const ClusterServices = z.object({
  clusterId: Id,
  nodes: z.array(NodeServices),
  overrides: z.array(StoredOverride),
});
export type ClusterServices = z.infer<typeof ClusterServices>;

export const NodeStatus = z.object({
  clusterId: Id,
  nodeId: Id,
  nodeName: z.string(),
  /** When the node answered (or failed to), ISO 8601. */
  checkedAt: z.string(),
  durationMs: z.number(),
  reachable: z.boolean(),
  /** Why the sweep of this node failed as a whole (unreachable, login refused); null when it answered. */
  error: z.string().nullable(),
  facts: NodeFacts,
  statuses: z.array(ServiceStatus),
  rollup: StatusRollup,
});
export type NodeStatus = z.infer<typeof NodeStatus>;

export const ClusterStatus = z.object({
  clusterId: Id,
  rollup: StatusRollup,
  /** Only nodes swept so far; a node never swept is absent. */
  nodes: z.array(NodeStatus),
  /** 0: no automatic sweep. */
  sweepIntervalSeconds: z.number().int(),
  sweeping: z.boolean(),
});
export type ClusterStatus = z.infer<typeof ClusterStatus>;

export const CONTROL_ACTIONS = ['start', 'stop', 'restart'] as const;
export const ControlAction = z.enum(CONTROL_ACTIONS);
export type ControlAction = z.infer<typeof ControlAction>;

export const Confirmation = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  z.object({ kind: z.literal('confirm'), message: z.string() }),
  z.object({ kind: z.literal('type-name'), name: z.string(), message: z.string() }),
]);
export type Confirmation = z.infer<typeof Confirmation>;

/** What the person said in the confirmation dialog; checked again by core. */
export const ConfirmationAnswer = z
  .object({ confirmed: z.literal(true), typedName: z.string().max(200).optional() })
  .strict();
export type ConfirmationAnswer = z.infer<typeof ConfirmationAnswer>;

export const PlannedCommand = z.object({
  nodeId: Id,
  nodeName: z.string(),
  serviceId: ServiceId,
  label: z.string(),
  tier: z.number().int(),
  /** What the operator would type, e.g. `sudo systemctl restart -- backendai-agent.service`. */
  command: z.string(),
});
export type PlannedCommand = z.infer<typeof PlannedCommand>;

export const ControlPlan = z.object({ confirmation: Confirmation, commands: z.array(PlannedCommand) });
export type ControlPlan = z.infer<typeof ControlPlan>;

export const ControlResult = z.object({
  clusterId: Id,
  nodeId: Id,
  nodeName: z.string(),
  serviceId: ServiceId,
  label: z.string(),
  action: ControlAction,
  command: z.string(),
  ok: z.boolean(),
  exitCode: z.number().int().nullable(),
  signal: z.string().nullable(),
  stdout: z.string(),
  stderr: z.string(),
  durationMs: z.number(),
  /** Why the command could not run at all (node unreachable, sudo refused); null when it ran. */
  error: z.string().nullable(),
  /** The state read again afterwards; null when the node could not be asked. */
  status: ServiceStatus.nullable(),
  /** The last journal / compose log lines when the service ended up failed. */
  journalTail: z.string().nullable(),
});
export type ControlResult = z.infer<typeof ControlResult>;

export const BULK_MODES = ['sequential', 'parallel'] as const;
export const BulkMode = z.enum(BULK_MODES);
export type BulkMode = z.infer<typeof BulkMode>;

export const BulkResult = z.object({
  runId: z.string(),
  clusterId: Id,
  serviceId: ServiceId,
  action: ControlAction,
  mode: BulkMode,
  results: z.array(ControlResult),
});
export type BulkResult = z.infer<typeof BulkResult>;

export const ClusterRunResult = z.object({
  runId: z.string(),
  clusterId: Id,
  action: z.enum(['start', 'stop']),
  batches: z.array(z.object({ tier: z.number().int(), results: z.array(ControlResult) })),
  /** A batch failed, so the later tiers were not touched (their dependencies are not in place). */
  stoppedEarly: z.boolean(),
  message: z.string(),
});
export type ClusterRunResult = z.infer<typeof ClusterRunResult>;

export const NodeScanResult = ScanProposal.extend({ nodeId: Id, nodeName: z.string() });
export type NodeScanResult = z.infer<typeof NodeScanResult>;

export const JournalTail = z.object({ command: z.string(), text: z.string(), exitCode: z.number().int().nullable() });
export type JournalTail = z.infer<typeof JournalTail>;
