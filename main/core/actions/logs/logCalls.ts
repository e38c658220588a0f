/**
 * The log calls of the API: follow or read a unit's journal or a compose
 * service's logs on one node, or on every node that runs the service (the
 * merged view), pushed to the renderer as `logs.batch` events (packed:
 * packLogLines in the schema); closeLogs ends the remote processes; ackLogs
 * is the viewer's flow-control acknowledgement.
 */
import { randomBytes } from 'node:crypto';
import { ApiError } from '../../../../common/contract/errors';
import type { CoreApi } from '../../../../common/contract/api';
import { packLogLines, type logMethods, type LogNodeState } from '../../../../common/contract/schemas/logs';
import type { CoreContext } from '../../coreContext';
import { sshEngineOf } from '../../ssh/sshDomain';
import type { ControlOptions } from '../control/controlCommand';
import { controlOptionsFor, type ControlTarget } from '../control/serviceControl';
import { serviceDomainOf } from '../serviceDomain';
import { createLogBatcher } from './logBatcher';
import { batchWeight, createLogFlow, type LogFlow } from './logFlow';
import type { LogQuery } from './logCommands';
import { createLogSessions } from './logSessions';
import { toLogLine } from './logWire';
import { nodeLogCommand, readNodeLogs } from './nodeLogReader';

/** What one open may pull in at most across its nodes: the renderer's buffer keeps 200,000 lines, so more only costs the wire. */
const MAX_LINES_PER_OPEN = 400_000;

export function logCalls(ctx: CoreContext): Pick<CoreApi, keyof typeof logMethods> {
  const sessions = createLogSessions();
  /** Streams opened with `acknowledge`. */
  const flows = new Map<string, LogFlow>();
  ctx.onClose(() => sessions.closeAll());

  return {
    async openLogs(input) {
      const domain = serviceDomainOf(ctx);
      const cluster = ctx.profiles.getCluster(input.clusterId);
      const nodes = input.nodeIds
        ? input.nodeIds.map((id) => {
            const node = cluster.nodes.find((n) => n.id === id);
            if (!node) throw new ApiError('not_found', `Node ${id} is not in ${cluster.name}. Reload the cluster and pick the node again.`);
            return node;
          })
        : cluster.nodes.filter((n) => domain.services.nodeServices(cluster, n).some((s) => s.id === input.serviceId));
      if (nodes.length === 0) {
        throw new ApiError('not_found', `No node of ${cluster.name} runs the service "${input.serviceId}". Tick its role on a node first.`);
      }
      if (input.lastN * nodes.length > MAX_LINES_PER_OPEN) {
        throw new ApiError(
          'invalid_input',
          `${input.lastN.toLocaleString('en')} lines from each of ${nodes.length} nodes is more than the viewer keeps (${MAX_LINES_PER_OPEN.toLocaleString('en')} in all). Ask for fewer lines or a later "since".`,
          { lastN: `At most ${Math.floor(MAX_LINES_PER_OPEN / nodes.length)} lines per node here.` },
        );
      }
      const targets: ControlTarget[] = nodes.map((n) => domain.services.serviceOnNode(n.id, input.serviceId));
      const streamId = input.streamId ?? `logs-${randomBytes(6).toString('hex')}`;
      if (sessions.has(streamId)) throw new ApiError('invalid_input', `A log stream "${streamId}" is already open. Close it first or use another id.`);
      const query: LogQuery = {
        lines: input.lastN,
        since: input.since ? new Date(input.since) : null,
        follow: input.follow,
        priority: input.priority ?? null,
      };
      // How compose runs on each node (v1 or v2, sudo for the socket), from the node's last sweep.
      const composeOptions = await Promise.all(
        targets.map((t) => (t.service.kind === 'compose' ? controlOptionsFor(domain.control, t).catch((): ControlOptions => ({})) : Promise.resolve<ControlOptions>({}))),
      );
      const reads = targets.map((t, i) => ({
        target: t,
        composeCli: composeOptions[i]?.composeCli ?? null,
        composeSudo: composeOptions[i]?.composeSudo ?? false,
      }));
      const engine = sshEngineOf(ctx);

      const flow = input.acknowledge ? createLogFlow() : undefined;
      sessions.open(streamId, async (signal) => {
        let seq = 0;
        if (flow) {
          flows.set(streamId, flow);
          // Paused channels must flow again to end when the stream closes.
          signal.addEventListener('abort', () => flow.release(), { once: true });
        }
        const batcher = createLogBatcher({
          sortByTime: reads.length > 1,
          onFlush: (entries) => {
            const bytes = batchWeight(entries);
            flow?.sent(bytes);
            ctx.events.emit('logs.batch', { streamId, ...packLogLines(entries), bytes });
          },
        });
        await Promise.all(
          reads.map((r) =>
            readNodeLogs({
              engine,
              nodeId: r.target.node.id,
              nodeName: r.target.node.name,
              service: r.target.service,
              query,
              composeCli: r.composeCli,
              composeSudo: r.composeSudo,
              sudo: input.sudo,
              signal,
              ...(flow ? { onFlow: (channel: { pause(): void; resume(): void }) => flow.attach(channel) } : {}),
              onEntries: (entries) => batcher.push(entries.map((e) => toLogLine(e, r.target.node.id, (seq += 1)))),
              onState: (state: LogNodeState, detail) => {
                // A node's last lines go out before the word that it ended.
                if (state !== 'running') batcher.flush();
                ctx.events.emit('logs.state', { streamId, nodeId: r.target.node.id, state, ...detail });
              },
            }),
          ),
        );
        batcher.close();
        flow?.release();
        if (flows.get(streamId) === flow) flows.delete(streamId);
      });

      return {
        streamId,
        serviceLabel: targets[0]?.service.label ?? input.serviceId,
        nodes: reads.map((r) => ({
          nodeId: r.target.node.id,
          nodeName: r.target.node.name,
          command: nodeLogCommand({ service: r.target.service, query, composeCli: r.composeCli, composeSudo: r.composeSudo }, input.sudo === 'always').display,
        })),
      };
    },

    async closeLogs({ streamId }) {
      return { closed: await sessions.close(streamId) };
    },

    async ackLogs({ streamId, bytes }) {
      const flow = flows.get(streamId);
      if (!flow) return { open: sessions.has(streamId), paused: false };
      flow.acknowledged(bytes);
      return { open: true, paused: flow.isPaused };
    },
  };
}
