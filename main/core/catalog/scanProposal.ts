/**
 * From a node scan to what the operator is offered: the roles the node
 * seems to have, and the overrides that make the catalog match this install
 * (the guide's backendai-console-server instead of backendai-webserver, App
 * Proxy units instead of the wsproxy compose file, another compose project
 * or halfstack dir, no watcher). Every proposal carries its evidence.
 */
import type { Role } from '../../../common/contract/schemas/profiles';
import type { ScanFinding, ScanProposal, ServiceOverride } from '../../../common/contract/schemas/services';
import { baseName, matchesPatterns } from './containerMatch';
import type { NodeScan } from './nodeScan';
import type { ClusterServiceSettings } from './resolveServices';
import { DEFAULT_CATALOG, type ServiceCatalog } from './serviceCatalog';

interface UnitHome {
  role: Role;
  serviceId: string;
  variantId: string;
  isDefaultVariant: boolean;
  defaultUnit: string;
}

function unitHomes(catalog: ServiceCatalog): Map<string, UnitHome> {
  const homes = new Map<string, UnitHome>();
  for (const { role, variants } of catalog.roles) {
    variants.forEach((variant, index) => {
      for (const s of variant.services) {
        if (s.kind !== 'systemd') continue;
        for (const unit of s.knownUnits) homes.set(unit, { role, serviceId: s.id, variantId: variant.id, isDefaultVariant: index === 0, defaultUnit: s.unit });
      }
    });
  }
  return homes;
}

const HALFSTACK_FILE = /^docker-compose\.(?:hs\.(postgres|redis|etcd)|(wsproxy)[\w.-]*|halfstack[\w.-]*)\.ya?ml$/;

export function proposeFromScan(scan: NodeScan, cluster: ClusterServiceSettings, options: { nodeId?: string; catalog?: ServiceCatalog } = {}): ScanProposal {
  const catalog = options.catalog ?? DEFAULT_CATALOG;
  const homes = unitHomes(catalog);
  const roles = new Set<Role>();
  const overrides: ServiceOverride[] = [];
  const findings: ScanFinding[] = [];
  const unrecognised: string[] = [];
  const node = options.nodeId !== undefined ? { nodeId: options.nodeId } : {};
  const add = (o: Omit<ServiceOverride, 'nodeId'>) => {
    if (!overrides.some((x) => JSON.stringify(x) === JSON.stringify({ ...o, ...node }))) overrides.push({ ...o, ...node });
  };

  // Units: loaded ones carry their state; installed ones (unit files) may be stopped. An alias names a unit listed elsewhere.
  const seen = new Map<string, string>();
  for (const u of scan.units) seen.set(u.unit, `${u.active} ${u.sub}`);
  for (const f of scan.unitFiles) if (!seen.has(f.unit) && f.state !== 'alias') seen.set(f.unit, `installed, ${f.state}`);
  const foundServices = new Set<string>();
  for (const [unit, state] of seen) {
    const home = homes.get(unit);
    if (!home) {
      unrecognised.push(unit);
      continue;
    }
    roles.add(home.role);
    foundServices.add(`${home.role}/${home.serviceId}`);
    findings.push({ role: home.role, serviceId: home.serviceId, evidence: `unit ${unit} (${state})` });
    if (!home.isDefaultVariant) add({ role: home.role, variant: home.variantId });
    if (unit !== home.defaultUnit && !seen.has(home.defaultUnit)) add({ role: home.role, serviceId: home.serviceId, unit });
  }

  // Compose services of each role's default variant, found by compose labels or container name.
  for (const { role, variants } of catalog.roles) {
    const defaults = variants[0]?.services ?? [];
    for (const s of defaults) {
      if (s.kind !== 'compose') continue;
      const hits = scan.containers.filter((c) => {
        const files = c.labels['com.docker.compose.project.config_files'] ?? '';
        return files.split(',').some((f) => baseName(f.trim()) === s.composeFile) || matchesPatterns(c.name, s.containerPatterns);
      });
      for (const c of hits) {
        roles.add(role);
        foundServices.add(`${role}/${s.id}`);
        findings.push({ role, serviceId: s.id, evidence: `container ${c.name} (${c.status})` });
        const project = c.labels['com.docker.compose.project'];
        const workingDir = c.labels['com.docker.compose.project.working_dir'];
        const file = (c.labels['com.docker.compose.project.config_files'] ?? '').split(',')[0]?.trim();
        if (project && project !== cluster.composeProject) add({ role, serviceId: s.id, composeProject: project });
        if (workingDir && workingDir !== cluster.halfstackDir) add({ role, serviceId: s.id, halfstackDir: workingDir });
        if (file && baseName(file) !== s.composeFile) add({ role, serviceId: s.id, composeFile: baseName(file) });
      }
    }
  }

  // Compose files of a project that is down still say the role lives here.
  for (const name of scan.halfstackFiles ?? []) {
    const m = HALFSTACK_FILE.exec(name);
    if (!m) continue;
    const role = (m[1] ?? (m[2] ? 'wsproxy' : null)) as Role | null;
    findings.push({ role, serviceId: role, evidence: `file ${name} in ${cluster.halfstackDir}` });
    if (role) roles.add(role);
  }

  // An agent without a watcher unit: propose turning the watcher off rather than showing it unknown forever.
  if (roles.has('agent') && !foundServices.has('agent/watcher') && seen.size > 0) add({ role: 'agent', serviceId: 'watcher', disabled: true });
  if (roles.has('wsproxy') && foundServices.has('wsproxy/wsproxy')) {
    // Both found: keep the compose default, drop an App Proxy switch proposed above.
    const i = overrides.findIndex((o) => o.role === 'wsproxy' && o.variant === 'appproxy');
    if (i !== -1) overrides.splice(i, 1);
  }

  const tools = scan.tools;
  return {
    roles: catalog.roles.map((r) => r.role).filter((r) => roles.has(r)),
    overrides,
    findings,
    unrecognisedUnits: unrecognised.sort(),
    composeCli: tools.get('docker-compose') ? 'docker-compose' : tools.get('docker') ? 'docker compose' : null,
  };
}
