/**
 * The concrete services of one node: the catalog's entries for the node's
 * roles, with the cluster's halfstack dir and compose project, and the
 * operator's overrides merged over them (node overrides over cluster ones,
 * a named service over its whole role).
 */
import { ROLES, type Role } from '../../../common/contract/schemas/profiles';
import type { ServiceEntry, ServiceOverride } from '../../../common/contract/schemas/services';
import { DEFAULT_CATALOG, variantsOfRole, type CatalogService, type CatalogVariant, type ServiceCatalog } from './serviceCatalog';

export interface ClusterServiceSettings {
  halfstackDir: string;
  composeProject: string;
}

export interface NodeRoles {
  id: string;
  roles: readonly Role[];
}

/** Least specific first, so applying them in order lets the most specific win. */
function specificity(o: ServiceOverride): number {
  return (o.nodeId ? 2 : 0) + (o.serviceId ? 1 : 0);
}

function overridesFor(overrides: readonly ServiceOverride[], role: Role, nodeId: string): ServiceOverride[] {
  return overrides
    .filter((o) => o.role === role && (o.nodeId === undefined || o.nodeId === nodeId))
    .map((o, i) => ({ o, i }))
    .sort((a, b) => specificity(a.o) - specificity(b.o) || a.i - b.i)
    .map(({ o }) => o);
}

export function chooseVariant(variants: readonly CatalogVariant[], applicable: readonly ServiceOverride[]): CatalogVariant | undefined {
  let chosen = variants[0];
  for (const o of applicable) {
    const named = o.variant ? variants.find((v) => v.id === o.variant) : undefined;
    if (named) chosen = named;
  }
  return chosen;
}

function resolveOne(
  service: CatalogService,
  variant: CatalogVariant,
  role: Role,
  nodeId: string,
  cluster: ClusterServiceSettings,
  applicable: readonly ServiceOverride[],
): ServiceEntry | null {
  // A unit, file or container name names one service: a role-wide override
  // may set it only when the role has a single service of that kind.
  const soleOfKind = variant.services.filter((s) => s.kind === service.kind).length === 1;
  const base = { id: service.id, role, nodeId, label: service.label, tier: service.tier, critical: service.critical, optional: service.optional };
  let disabled = false;
  if (service.kind === 'systemd') {
    let unit = service.unit;
    for (const o of applicable) {
      if (o.serviceId !== undefined && o.serviceId !== service.id) continue;
      if (o.unit && (o.serviceId || soleOfKind)) unit = o.unit;
      if (o.disabled !== undefined) disabled = o.disabled;
    }
    return disabled ? null : { ...base, kind: 'systemd', unit };
  }
  let { composeFile } = service;
  let containerPatterns = service.containerPatterns;
  let { composeProject, halfstackDir } = cluster;
  for (const o of applicable) {
    if (o.serviceId !== undefined && o.serviceId !== service.id) continue;
    const names = o.serviceId !== undefined || soleOfKind;
    if (o.composeFile && names) composeFile = o.composeFile;
    if (o.containerPattern && names) containerPatterns = [o.containerPattern];
    if (o.composeProject) composeProject = o.composeProject;
    if (o.halfstackDir) halfstackDir = o.halfstackDir;
    if (o.disabled !== undefined) disabled = o.disabled;
  }
  return disabled ? null : { ...base, kind: 'compose', halfstackDir, composeFile, composeProject, containerPatterns };
}

/** The node's services in catalog order (ROLES order, then the variant's order). */
export function resolveServices(
  cluster: ClusterServiceSettings,
  node: NodeRoles,
  overrides: readonly ServiceOverride[],
  catalog: ServiceCatalog = DEFAULT_CATALOG,
): ServiceEntry[] {
  const entries: ServiceEntry[] = [];
  for (const role of ROLES) {
    if (!node.roles.includes(role)) continue;
    const applicable = overridesFor(overrides, role, node.id);
    const variant = chooseVariant(variantsOfRole(catalog, role), applicable);
    if (!variant) continue;
    for (const service of variant.services) {
      const entry = resolveOne(service, variant, role, node.id, cluster, applicable);
      if (entry) entries.push(entry);
    }
  }
  return entries;
}
