/**
 * Runs one start / stop / restart of one service on one node and reports
 * it in full: the command as the operator would type it, exit code, output,
 * duration, the state read again afterwards (a sweep of the node, which also
 * refreshes the tree) and, when the service ended up failed, its last log
 * lines. Every run leaves one activity row. Node failures (unreachable, sudo
 * refused) become a failed result, not an exception, so bulk runs go on.
 */
import { toApiError } from '../../../../common/contract/errors';
import type { EventSink } from '../../../../common/contract/events';
import type { ClusterNode, ClusterWithNodes } from '../../../../common/contract/schemas/profiles';
import type { ControlAction, ControlResult, NodeFacts, ServiceEntry } from '../../../../common/contract/schemas/services';
import type { ActivityLog } from '../../activity/activityLog';
import type { ClusterServiceBook } from '../catalog/clusterServices';
import { sweepNode, type SweepDeps } from '../status/nodeSweep';
import type { StatusBook } from '../status/statusBook';
import { buildControlCommand, describeAction, type ControlOptions } from './controlCommand';
import { isEmptyJournal, journalTailCommand } from './journalTail';

/** `compose up -d` waits until the server accepts connections and `systemctl stop` up to its stop timeout. */
export const CONTROL_TIMEOUT_MS = 180_000;
const TAIL_LINES = 20;
const KEEP_OUTPUT = 64 * 1024;

export interface ControlDeps extends SweepDeps {
  services: ClusterServiceBook;
  book: StatusBook;
  events: EventSink;
  activity: ActivityLog;
}

export interface ControlTarget {
  cluster: ClusterWithNodes;
  node: ClusterNode;
  service: ServiceEntry;
}

const optionsOf = (facts: NodeFacts): ControlOptions => ({ composeCli: facts.composeCli, composeSudo: facts.dockerAccess === 'permission' });

/** What the last sweep already knows, without asking the node: for the confirmation's wording. */
export function knownControlOptions(deps: ControlDeps, target: ControlTarget): ControlOptions {
  const facts = deps.book.get(target.node.id)?.facts;
  if (target.service.kind !== 'compose' || !facts?.composeCli) return {};
  return optionsOf(facts);
}

/** How to run compose on this node, from its last sweep (swept now if it never was). */
export async function controlOptionsFor(deps: ControlDeps, target: ControlTarget): Promise<ControlOptions> {
  if (target.service.kind !== 'compose') return {};
  let facts: NodeFacts | undefined = deps.book.get(target.node.id)?.facts;
  if (!facts?.composeCli) {
    const swept = await sweepNode(deps, target.cluster, target.node, deps.services.nodeServices(target.cluster, target.node), true);
    if (swept.reachable) deps.book.put(swept);
    facts = swept.facts;
  }
  return optionsOf(facts);
}

const cut = (text: string) => (text.length > KEEP_OUTPUT ? `…${text.slice(-KEEP_OUTPUT)}` : text);

export async function runControl(deps: ControlDeps, target: ControlTarget, action: ControlAction, runId: string | undefined, options?: ControlOptions): Promise<ControlResult> {
  const { cluster, node, service } = target;
  const opts: ControlOptions = options ?? (await controlOptionsFor(deps, target).catch((): ControlOptions => ({})));
  const command = buildControlCommand(service, action, opts);
  const progress = { runId: runId ?? '', clusterId: cluster.id, nodeId: node.id, serviceId: service.id };
  if (runId) deps.events.emit('service.progress', { ...progress, phase: 'running' });
  const base = { clusterId: cluster.id, nodeId: node.id, nodeName: node.name, serviceId: service.id, label: service.label, action, command: command.display };
  const started = performance.now();
  let result: ControlResult;
  try {
    const out = await deps.engine.exec(node.id, command.argv, {
      sudo: command.sudo,
      ...(command.cwd !== undefined ? { cwd: command.cwd } : {}),
      timeoutMs: CONTROL_TIMEOUT_MS,
    });
    result = {
      ...base,
      ok: out.exitCode === 0,
      exitCode: out.exitCode,
      signal: out.signal,
      stdout: cut(out.stdout),
      stderr: cut(out.stderr),
      durationMs: out.durationMs,
      error: null,
      status: null,
      journalTail: null,
    };
  } catch (err) {
    const e = toApiError(err);
    result = { ...base, ok: false, exitCode: null, signal: null, stdout: '', stderr: '', durationMs: Math.round(performance.now() - started), error: e.message, status: null, journalTail: null };
  }

  // Read the state again: a sweep of the whole node (one exec), so the tree's rollup stays whole.
  const swept = await sweepNode(deps, cluster, node, deps.services.nodeServices(cluster, node), true);
  if (swept.reachable) {
    deps.book.put(swept);
    deps.events.emit('service.status', { sweepId: null, node: swept, cluster: deps.book.cluster(cluster.nodes.map((n) => n.id)).rollup });
    result.status = swept.statuses.find((s) => s.serviceId === service.id) ?? null;
  }
  if (result.status?.state === 'failed' || (!result.ok && result.error === null)) {
    result.journalTail = await journalTail(deps, node.id, service, swept.facts.composeCli ?? opts.composeCli ?? null);
  }

  const state = result.status ? `; now ${result.status.state}` : '';
  const how = result.error ?? `exit ${String(result.exitCode)} in ${result.durationMs} ms${state}`;
  deps.activity.record({
    action: `service.${action}`,
    target: `${service.label} on ${node.name}`,
    clusterId: cluster.id,
    nodeId: node.id,
    result: result.ok ? 'ok' : 'failed',
    detail: `${describeAction(service, action)}: \`${command.display}\`: ${how}`,
  });
  if (runId) deps.events.emit('service.progress', { ...progress, phase: 'done', result });
  return result;
}

async function journalTail(deps: ControlDeps, nodeId: string, service: ServiceEntry, composeCli: ControlOptions['composeCli']): Promise<string | null> {
  const command = journalTailCommand(service, TAIL_LINES, composeCli ?? null);
  try {
    const out = await deps.engine.exec(nodeId, command.argv, { ...(command.cwd !== undefined ? { cwd: command.cwd } : {}), timeoutMs: 20_000 });
    const text = `${out.stdout}${out.stderr}`;
    return isEmptyJournal(text) ? null : cut(text);
  } catch {
    return null;
  }
}
