/**
 * The service domain of one core: the override store, the resolved catalog,
 * the last known statuses, cluster sweeps (with their timers) and what
 * control needs, built once per CoreContext and closed with it.
 */
import type { CoreContext } from '../coreContext';
import { sshEngineOf } from '../ssh/sshDomain';
import { createClusterServiceBook, type ClusterServiceBook } from './catalog/clusterServices';
import { createServiceOverrideRepository, type ServiceOverrideRepository } from './catalog/serviceOverrides';
import type { ControlDeps } from './control/serviceControl';
import { createClusterSweeps, type ClusterSweeps } from './status/clusterSweeps';
import { createStatusBook, type StatusBook } from './status/statusBook';

export interface ServiceDomain {
  overrides: ServiceOverrideRepository;
  services: ClusterServiceBook;
  book: StatusBook;
  sweeps: ClusterSweeps;
  control: ControlDeps;
}

const domains = new WeakMap<CoreContext, ServiceDomain>();

export function serviceDomainOf(ctx: CoreContext): ServiceDomain {
  let domain = domains.get(ctx);
  if (domain) return domain;
  const engine = sshEngineOf(ctx);
  const overrides = createServiceOverrideRepository(ctx.store);
  const services = createClusterServiceBook(ctx.profiles, overrides);
  const book = createStatusBook();
  const base = { engine, now: ctx.ports.now, services, book, events: ctx.events };
  const sweeps = createClusterSweeps({ ...base, profiles: ctx.profiles, logger: ctx.ports.logger });
  domain = { overrides, services, book, sweeps, control: { ...base, activity: ctx.activity } };
  domains.set(ctx, domain);
  ctx.onClose(() => sweeps.close());
  return domain;
}
