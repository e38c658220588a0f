/**
 * Which actions need a person to confirm, and in what words. Stopping or
 * restarting what the whole cluster depends on (PostgreSQL, etcd, Redis, the
 * manager) asks first; on a cluster marked production every action asks for
 * the cluster's name to be typed. The message names the service, node,
 * cluster and command, so nobody confirms the wrong thing.
 */
import type { ServiceEntry } from '../../../../common/contract/schemas/services';
import { buildControlCommand, describeAction, type ControlAction, type ControlOptions } from './controlCommand';

export type Confirmation =
  | { kind: 'none' }
  | { kind: 'confirm'; message: string }
  | { kind: 'type-name'; name: string; message: string };

export interface ActionTarget {
  service: ServiceEntry;
  nodeName: string;
}

export function confirmationFor(
  cluster: { name: string; isProduction: boolean },
  action: ControlAction,
  targets: readonly ActionTarget[],
  options: ControlOptions = {},
): Confirmation {
  if (targets.length === 0) return { kind: 'none' };
  const critical = action !== 'start' && targets.some((t) => t.service.critical);
  if (!cluster.isProduction && !critical) return { kind: 'none' };
  const parts = [
    `${action[0]?.toUpperCase()}${action.slice(1)} in cluster ${cluster.name}:`,
    ...targets.map((t) => `${t.service.label} on ${t.nodeName}: ${describeAction(t.service, action)} (\`${buildControlCommand(t.service, action, options).display}\`)`),
  ];
  if (critical) parts.push('The Backend.AI services that depend on it lose it until it is back.');
  if (cluster.isProduction) {
    parts.push('This is a production cluster: type its name to go ahead.');
    return { kind: 'type-name', name: cluster.name, message: parts.join('\n') };
  }
  const message = parts.join('\n');
  return { kind: 'confirm', message };
}
