/**
 * The service calls: the resolved catalog per cluster and its overrides,
 * status sweeps (one exec per node, results pushed per node as they come),
 * control of one service, bulk actions, start/stop cluster, scan node.
 * The entities live in serviceEntities.ts, the results in serviceResults.ts.
 */
import { z } from 'zod';
import { Id, Role } from './profiles';
import { ServiceId, ServiceOverride, StatusRollup } from './serviceEntities';
import {
  BulkMode,
  BulkResult,
  ClusterRunResult,
  ClusterServices,
  ClusterStatus,
  ConfirmationAnswer,
  ControlAction,
  ControlPlan,
  ControlResult,
  JournalTail,
  NodeScanResult,
  NodeStatus,
} from './serviceResults';

export * from './serviceEntities';
export * from './serviceResults';

/** A client-chosen id that tags the progress events of one run. */
const RunId = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/);
/** 0 turns automatic sweeps off; otherwise 5 s (a busy screen) to an hour. */
const SweepInterval = z.number().int().refine((n) => n === 0 || (n >= 5 && n <= 3600), 'Use 0 (off) or 5 to 3600 seconds.');
const NodeIds = z.array(Id).min(1, 'Pick at least one node.').max(500);

export const serviceMethods = {
  getServices: { input: z.object({ clusterId: Id }).strict(), output: ClusterServices },
  setServiceOverride: {
    input: z.object({ clusterId: Id, override: ServiceOverride.strict(), replaceId: Id.optional() }).strict(),
    output: ClusterServices,
  },
  resetServiceOverride: { input: z.object({ clusterId: Id, overrideId: Id }).strict(), output: ClusterServices },
  getStatus: { input: z.object({ clusterId: Id.optional() }).strict(), output: z.array(ClusterStatus) },
  sweepStatus: {
    input: z
      .object({
        clusterId: Id,
        nodeIds: z.array(Id).max(500).optional(),
        /** False for background sweeps: an unknown host key fails the node instead of asking. */
        interactive: z.boolean().default(true),
      })
      .strict(),
    output: ClusterStatus,
  },
  /** Ends the running sweeps of a cluster: nodes that have not answered report unknown (cancelled). */
  cancelSweep: {
    input: z.object({ clusterId: Id }).strict(),
    output: z.object({ clusterId: Id, cancelled: z.boolean() }),
  },
  setSweepInterval: {
    input: z.object({ clusterId: Id, seconds: SweepInterval }).strict(),
    output: z.object({ clusterId: Id, seconds: z.number().int() }),
  },
  describeControl: {
    input: z.object({ clusterId: Id, serviceId: ServiceId, nodeIds: NodeIds, action: ControlAction }).strict(),
    output: ControlPlan,
  },
  controlService: {
    input: z
      .object({ nodeId: Id, serviceId: ServiceId, action: ControlAction, confirmation: ConfirmationAnswer.optional(), runId: RunId.optional() })
      .strict(),
    output: ControlResult,
  },
  controlBulk: {
    input: z
      .object({
        clusterId: Id,
        serviceId: ServiceId,
        nodeIds: NodeIds,
        action: ControlAction,
        mode: BulkMode.default('sequential'),
        confirmation: ConfirmationAnswer.optional(),
        runId: RunId.optional(),
      })
      .strict(),
    output: BulkResult,
  },
  describeClusterRun: {
    input: z.object({ clusterId: Id, action: z.enum(['start', 'stop']) }).strict(),
    output: ControlPlan,
  },
  startCluster: {
    input: z.object({ clusterId: Id, confirmation: ConfirmationAnswer.optional(), runId: RunId.optional() }).strict(),
    output: ClusterRunResult,
  },
  stopCluster: {
    input: z.object({ clusterId: Id, confirmation: ConfirmationAnswer.optional(), runId: RunId.optional() }).strict(),
    output: ClusterRunResult,
  },
  getJournalTail: {
    input: z.object({ nodeId: Id, serviceId: ServiceId, lines: z.number().int().min(1).max(500).default(20) }).strict(),
    output: JournalTail,
  },
  /**
   * The operator closed a confirmation without going ahead: recorded in the
   * activity log as cancelled. Without serviceId it is start/stop of the whole
   * cluster. Core works out again whether a confirmation was due; when none
   * was, nothing is recorded.
   */
  recordDeclinedAction: {
    input: z
      .object({ clusterId: Id, action: ControlAction, serviceId: ServiceId.optional(), nodeIds: NodeIds.optional() })
      .strict()
      .refine((v) => v.serviceId !== undefined || v.action !== 'restart', { message: 'A whole cluster is only started or stopped.', path: ['action'] })
      .refine((v) => v.serviceId !== undefined || v.nodeIds === undefined, { message: 'Nodes go with a service.', path: ['nodeIds'] }),
    output: z.object({ recorded: z.boolean() }),
  },
  scanNode: { input: z.object({ nodeId: Id }).strict(), output: NodeScanResult },
  applyScanProposal: {
    input: z
      .object({ nodeId: Id, roles: z.array(Role), overrides: z.array(ServiceOverride.strict()).max(100) })
      .strict(),
    output: ClusterServices,
  },
} as const;

export const serviceEvents = {
  /** One node's sweep finished (or a control re-read it): its full status and the cluster's new rollup. */
  'service.status': z.object({ sweepId: z.string().nullable(), node: NodeStatus, cluster: StatusRollup }),
  /** A sweep of a cluster began or ended. */
  'service.sweep': z.object({
    sweepId: z.string(),
    clusterId: z.string(),
    phase: z.enum(['started', 'finished']),
    nodeIds: z.array(z.string()),
    durationMs: z.number().optional(),
    /** How a finished sweep ended: every node answered, the operator cancelled it, or a newer sweep took over. */
    outcome: z.enum(['done', 'cancelled', 'superseded']).optional(),
  }),
  /** Progress of a control, bulk or cluster run: a node's action started, then its result. */
  'service.progress': z.object({
    runId: z.string(),
    clusterId: z.string(),
    nodeId: z.string(),
    serviceId: z.string(),
    phase: z.enum(['running', 'done']),
    result: ControlResult.optional(),
  }),
} as const;
