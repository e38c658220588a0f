/**
 * The service calls of the API: the per-cluster catalog and its overrides,
 * status sweeps, control of one service, bulk actions, start/stop cluster
 * and node scans, run over the SSH engine. Each call only checks its input
 * against the profiles and hands over to the module that does the work.
 */
import { randomUUID } from 'node:crypto';
import type { CoreApi } from '../../../common/contract/api';
import { ApiError } from '../../../common/contract/errors';
import type { ClusterWithNodes } from '../../../common/contract/schemas/profiles';
import type { ConfirmationAnswer, ControlAction, ControlPlan, serviceMethods } from '../../../common/contract/schemas/services';
import type { CoreContext } from '../coreContext';
import { trackedChange } from '../activity/trackedChange';
import { sshEngineOf } from '../ssh/sshDomain';
import { targetsOnNodes, runBulk } from './control/bulkControl';
import { clusterTargetBatches, runCluster } from './control/clusterRun';
import { buildControlCommand } from './control/controlCommand';
import { confirmationFor } from './control/controlConfirmation';
import { isEmptyJournal, journalTailCommand } from './control/journalTail';
import { confirmedOrRecorded, recordDeclined, targetWords } from './control/refusedActions';
import { knownControlOptions, runControl, type ControlTarget } from './control/serviceControl';
import { scanNode } from './scan/nodeScanRun';
import { serviceDomainOf } from './serviceDomain';

export function serviceCalls(ctx: CoreContext): Pick<CoreApi, keyof typeof serviceMethods> {
  const domain = () => serviceDomainOf(ctx);
  const change = <T>(note: Parameters<typeof trackedChange>[1], run: () => T) => trackedChange({ activity: ctx.activity, events: ctx.events }, note, run);

  /** Every node of the cluster that runs the service (all of its nodes when nodeIds is absent). */
  const targetsOf = (cluster: ClusterWithNodes, serviceId: string | null, nodeIds?: readonly string[]): ControlTarget[] => {
    const found: ControlTarget[] = [];
    for (const node of cluster.nodes) {
      for (const service of domain().services.nodeServices(cluster, node)) {
        if (serviceId === null || service.id === serviceId) found.push({ cluster, node, service });
      }
    }
    return nodeIds ? targetsOnNodes(nodeIds, found) : found;
  };

  const planOf = (cluster: ClusterWithNodes, action: ControlAction, targets: readonly ControlTarget[]): ControlPlan => ({
    confirmation: confirmationFor(cluster, action, targets.map((t) => ({ service: t.service, nodeName: t.node.name }))),
    commands: targets.map((t) => ({
      nodeId: t.node.id,
      nodeName: t.node.name,
      serviceId: t.service.id,
      label: t.service.label,
      tier: t.service.tier,
      command: buildControlCommand(t.service, action, { composeCli: domain().book.get(t.node.id)?.facts.composeCli ?? null }).display,
    })),
  });

  const bulkTargets = (clusterId: string, serviceId: string, nodeIds: readonly string[]) => {
    const cluster = ctx.profiles.getCluster(clusterId);
    const targets = targetsOf(cluster, serviceId, nodeIds);
    const missing = nodeIds.filter((id) => !targets.some((t) => t.node.id === id));
    if (missing.length) {
      const names = missing.map((id) => cluster.nodes.find((n) => n.id === id)?.name ?? id).join(', ');
      throw new ApiError('not_found', `${names} ${missing.length === 1 ? 'does' : 'do'} not run "${serviceId}" in ${cluster.name}. Leave ${missing.length === 1 ? 'it' : 'them'} out or tick the role in the node settings.`, { nodeIds: 'Not all nodes run this service.' });
    }
    return { cluster, targets };
  };

  const actionTargets = (targets: readonly ControlTarget[]) => targets.map((t) => ({ service: t.service, nodeName: t.node.name }));
  /** The activity row of a service action that did not run (refused or declined), named as its run would be. */
  const serviceNote = (cluster: ClusterWithNodes, action: ControlAction, targets: readonly ControlTarget[]) => ({
    action: `service.${action}`,
    target: targetWords(actionTargets(targets)),
    clusterId: cluster.id,
    nodeId: targets.length === 1 ? (targets[0]?.node.id ?? null) : null,
  });
  const clusterNote = (cluster: ClusterWithNodes, action: 'start' | 'stop') => ({ action: `cluster.${action}`, target: cluster.name, clusterId: cluster.id });

  const runWhole = async (clusterId: string, action: 'start' | 'stop', answer: ConfirmationAnswer | undefined, runId: string | undefined) => {
    const cluster = ctx.profiles.getCluster(clusterId);
    const targets = clusterTargetBatches(targetsOf(cluster, null), action).flat();
    confirmedOrRecorded(ctx.activity, clusterNote(cluster, action), { cluster, action, targets: actionTargets(targets), answer });
    return runCluster(domain().control, cluster.id, targets, action, runId ?? randomUUID());
  };

  return {
    getServices: async ({ clusterId }) => domain().services.clusterServices(clusterId),

    setServiceOverride: async ({ clusterId, override, replaceId }) => {
      const cluster = ctx.profiles.getCluster(clusterId);
      const what = `${override.serviceId ?? override.role}${override.nodeId ? ` on ${ctx.profiles.findNode(override.nodeId)?.name ?? override.nodeId}` : ''}`;
      change({ action: 'service.override.set', target: what, clusterId: cluster.id, detail: JSON.stringify(override) }, () => domain().overrides.save(clusterId, override, replaceId));
      return domain().services.clusterServices(clusterId);
    },

    resetServiceOverride: async ({ clusterId, overrideId }) => {
      ctx.profiles.getCluster(clusterId);
      change({ action: 'service.override.reset', target: overrideId, clusterId }, () => domain().overrides.remove(clusterId, overrideId));
      return domain().services.clusterServices(clusterId);
    },

    getStatus: async ({ clusterId }) => {
      const ids = clusterId ? [ctx.profiles.getCluster(clusterId).id] : ctx.profiles.listClusters().map((c) => c.id);
      return ids.map((id) => domain().sweeps.status(id));
    },

    sweepStatus: async ({ clusterId, nodeIds, interactive }) => domain().sweeps.sweep(clusterId, { interactive, ...(nodeIds ? { nodeIds } : {}) }),

    cancelSweep: async ({ clusterId }) => ({ clusterId, cancelled: domain().sweeps.cancel(ctx.profiles.getCluster(clusterId).id) }),

    setSweepInterval: async ({ clusterId, seconds }) => {
      domain().sweeps.setInterval(clusterId, seconds);
      return { clusterId, seconds };
    },

    describeControl: async ({ clusterId, serviceId, nodeIds, action }) => {
      const { cluster, targets } = bulkTargets(clusterId, serviceId, nodeIds);
      return planOf(cluster, action, targets);
    },

    controlService: async ({ nodeId, serviceId, action, confirmation, runId }) => {
      const target = domain().services.serviceOnNode(nodeId, serviceId);
      // Checked before the node is asked anything: a refused action does not even connect.
      const known = knownControlOptions(domain().control, target);
      confirmedOrRecorded(ctx.activity, serviceNote(target.cluster, action, [target]), { cluster: target.cluster, action, targets: actionTargets([target]), answer: confirmation, options: known });
      return runControl(domain().control, target, action, runId);
    },

    controlBulk: async ({ clusterId, serviceId, nodeIds, action, mode, confirmation, runId }) => {
      const { cluster, targets } = bulkTargets(clusterId, serviceId, nodeIds);
      confirmedOrRecorded(ctx.activity, serviceNote(cluster, action, targets), { cluster, action, targets: actionTargets(targets), answer: confirmation });
      return runBulk(domain().control, targets, { runId: runId ?? randomUUID(), clusterId, serviceId, action, mode });
    },

    describeClusterRun: async ({ clusterId, action }) => {
      const cluster = ctx.profiles.getCluster(clusterId);
      return planOf(cluster, action, clusterTargetBatches(targetsOf(cluster, null), action).flat());
    },

    startCluster: async ({ clusterId, confirmation, runId }) => runWhole(clusterId, 'start', confirmation, runId),
    stopCluster: async ({ clusterId, confirmation, runId }) => runWhole(clusterId, 'stop', confirmation, runId),

    getJournalTail: async ({ nodeId, serviceId, lines }) => {
      const { node, service } = domain().services.serviceOnNode(nodeId, serviceId);
      const command = journalTailCommand(service, lines, domain().book.get(node.id)?.facts.composeCli ?? null);
      const out = await sshEngineOf(ctx).exec(node.id, command.argv, { ...(command.cwd !== undefined ? { cwd: command.cwd } : {}), timeoutMs: 20_000 });
      const text = `${out.stdout}${out.stderr}`;
      return { command: command.display, text: isEmptyJournal(text) ? '' : text, exitCode: out.exitCode };
    },

    recordDeclinedAction: async ({ clusterId, action, serviceId, nodeIds }) => {
      const cluster = ctx.profiles.getCluster(clusterId);
      if (serviceId === undefined) {
        const whole = action === 'restart' ? 'stop' : action;
        const targets = clusterTargetBatches(targetsOf(cluster, null), whole).flat();
        return { recorded: recordDeclined(ctx.activity, clusterNote(cluster, whole), confirmationFor(cluster, whole, actionTargets(targets))) };
      }
      const targets = nodeIds ? bulkTargets(clusterId, serviceId, nodeIds).targets : targetsOf(cluster, serviceId);
      if (targets.length === 0) return { recorded: false };
      return { recorded: recordDeclined(ctx.activity, serviceNote(cluster, action, targets), confirmationFor(cluster, action, actionTargets(targets))) };
    },

    scanNode: async ({ nodeId }) => {
      const node = ctx.profiles.getNode(nodeId);
      const cluster = ctx.profiles.getCluster(node.clusterId);
      const result = await scanNode(sshEngineOf(ctx), cluster, node);
      ctx.activity.record({ action: 'node.scan', target: node.name, clusterId: cluster.id, nodeId, result: 'ok', detail: `roles found: ${result.roles.join(', ') || 'none'}` });
      return result;
    },

    applyScanProposal: async ({ nodeId, roles, overrides }) => {
      const node = ctx.profiles.getNode(nodeId);
      const detail = `roles ${roles.join(', ') || 'none'}; ${overrides.length} service setting(s)`;
      change({ action: 'node.scan.apply', target: node.name, clusterId: node.clusterId, nodeId, detail }, () => {
        const { id: _id, clusterId: _c, createdAt: _a, updatedAt: _u, ...fields } = node;
        ctx.profiles.updateNode(nodeId, { ...fields, roles }, 'roles');
        domain().overrides.replaceForNode(node.clusterId, nodeId, overrides);
        domain().book.forget(nodeId);
      });
      return domain().services.clusterServices(node.clusterId);
    },
  };
}
