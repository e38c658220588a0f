import { describe, expect, it } from 'vitest';
import { ROLES } from '../../../common/contract/schemas/profiles';
import { DEFAULT_CATALOG, parseServiceCatalog, variantsOfRole } from '../../../main/core/catalog/serviceCatalog';
import catalogJson from '../../../resources/catalog/services.json';

describe('default service catalog', () => {
  it('has a default for every role of the profile schema', () => {
    for (const role of ROLES) expect(variantsOfRole(DEFAULT_CATALOG, role).length, role).toBeGreaterThan(0);
  });

  it('holds the guide\'s units and compose files', () => {
    const firstServices = Object.fromEntries(ROLES.map((r) => [r, variantsOfRole(DEFAULT_CATALOG, r)[0]?.services ?? []]));
    expect(firstServices.manager?.map((s) => (s.kind === 'systemd' ? s.unit : ''))).toEqual(['backendai-manager.service']);
    expect(firstServices.agent?.map((s) => (s.kind === 'systemd' ? s.unit : ''))).toEqual(['backendai-agent.service', 'backendai-watcher.service']);
    expect(firstServices.postgres?.[0]).toMatchObject({ kind: 'compose', composeFile: 'docker-compose.hs.postgres.yaml', critical: true, tier: 0 });
    expect(firstServices.wsproxy?.[0]).toMatchObject({ kind: 'compose', composeFile: 'docker-compose.wsproxy-simple.yaml' });
  });

  it('recognises the PostgreSQL container names of older and hand-made halfstacks', () => {
    const pg = variantsOfRole(DEFAULT_CATALOG, 'postgres')[0]?.services[0];
    expect(pg?.kind === 'compose' ? pg.containerPatterns : []).toEqual(['halfstack-db', 'backendai-halfstack-db*', '*half-db*', 'bai-postgres*']);
  });

  it('offers App Proxy units as the other way to run the wsproxy role', () => {
    const appproxy = variantsOfRole(DEFAULT_CATALOG, 'wsproxy').find((v) => v.id === 'appproxy');
    expect(appproxy?.services.map((s) => (s.kind === 'systemd' ? s.unit : s.id))).toEqual([
      'backendai-appproxy-coordinator.service',
      'backendai-appproxy-worker.service',
    ]);
  });

  it('refuses a catalog that forgets a role, naming the file to fix', () => {
    const broken = { ...catalogJson, roles: catalogJson.roles.filter((r) => r.role !== 'etcd') };
    expect(() => parseServiceCatalog(broken)).toThrow(/Role etcd has no entry.*services\.json/s);
  });

  it('refuses a unit name without .service', () => {
    const broken = structuredClone(catalogJson);
    const service = broken.roles[0]?.variants[0]?.services[0] as { unit?: string } | undefined;
    if (service) service.unit = 'backendai-manager';
    expect(() => parseServiceCatalog(broken)).toThrow(/not valid/);
  });
});
