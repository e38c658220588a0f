/**
 * A node's health from its services and a cluster's from its nodes, for the
 * tree and the home screen. Red when anything failed or is stopped, amber
 * while something moves or cannot be read, green when all run, grey when
 * there is nothing to show. An optional service that is not installed (a
 * node without the watcher) does not count.
 */
import { SERVICE_STATES, type Health, type ServiceEntry, type ServiceState, type ServiceStatus, type StatusRollup } from '../../../../common/contract/schemas/services';

function emptyCounts(): Record<ServiceState, number> {
  return Object.fromEntries(SERVICE_STATES.map((s) => [s, 0])) as Record<ServiceState, number>;
}

function healthOf(counts: Record<ServiceState, number>, total: number): Health {
  if (total === 0) return 'grey';
  if (counts.failed + counts.stopped > 0) return 'red';
  if (counts.running === total) return 'green';
  return 'amber';
}

const WORDS: [ServiceState, string][] = [
  ['failed', 'failed'],
  ['stopped', 'stopped'],
  ['restarting', 'restarting'],
  ['starting', 'starting'],
  ['stopping', 'stopping'],
  ['unknown', 'unknown'],
];

function summaryOf(counts: Record<ServiceState, number>, total: number): string {
  if (total === 0) return 'No services';
  const noun = total === 1 ? 'service' : 'services';
  if (counts.running === total) return `${total} ${noun} running`;
  const parts = WORDS.filter(([s]) => counts[s] > 0).map(([s, word]) => `${counts[s]} ${word}`);
  return `${parts.join(', ')} of ${total} ${noun}`;
}

export function rollupCounts(counts: Record<ServiceState, number>): StatusRollup {
  const total = SERVICE_STATES.reduce((sum, s) => sum + counts[s], 0);
  return { health: healthOf(counts, total), counts, total, summary: summaryOf(counts, total) };
}

export function rollupNode(statuses: readonly ServiceStatus[], services: readonly ServiceEntry[]): StatusRollup {
  const optional = new Set(services.filter((s) => s.optional).map((s) => s.id));
  const counts = emptyCounts();
  for (const s of statuses) {
    if (optional.has(s.serviceId) && s.state === 'unknown' && s.reason === 'not-installed') continue;
    counts[s.state] += 1;
  }
  return rollupCounts(counts);
}

export function rollupCluster(nodes: readonly StatusRollup[]): StatusRollup {
  const counts = emptyCounts();
  for (const node of nodes) for (const s of SERVICE_STATES) counts[s] += node.counts[s];
  return rollupCounts(counts);
}
