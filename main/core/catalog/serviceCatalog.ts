/**
 * The default service catalog (resources/catalog/services.json): per role,
 * the ways Backend.AI is installed (variants) and the services of each. It is
 * checked once when loaded, so a bad edit of the JSON fails at start, not
 * during a sweep. Per-cluster changes are overrides, see resolveServices.ts.
 */
import { z } from 'zod';
import { ROLES, Role } from '../../../common/contract/schemas/profiles';
import { ComposeFile, ContainerPattern, ServiceId } from '../../../common/contract/schemas/services';
import catalogJson from '../../../resources/catalog/services.json';

const CatalogCommon = {
  id: ServiceId,
  label: z.string().min(1),
  tier: z.number().int().min(0).max(9),
  critical: z.boolean(),
  optional: z.boolean(),
  /** Where the default comes from: the guide's section or the release that introduced it. */
  source: z.string(),
};

const CatalogSystemd = z.object({
  ...CatalogCommon,
  kind: z.literal('systemd'),
  unit: z.string().regex(/\.service$/),
  /** Names this service has had across releases, for scan node. */
  knownUnits: z.array(z.string().regex(/\.service$/)).min(1),
});

const CatalogCompose = z.object({
  ...CatalogCommon,
  kind: z.literal('compose'),
  composeFile: ComposeFile,
  containerPatterns: z.array(ContainerPattern).min(1),
});

export const CatalogService = z.discriminatedUnion('kind', [CatalogSystemd, CatalogCompose]);
export type CatalogService = z.infer<typeof CatalogService>;

export const CatalogVariant = z.object({ id: ServiceId, label: z.string(), services: z.array(CatalogService).min(1) });
export type CatalogVariant = z.infer<typeof CatalogVariant>;

export const ServiceCatalog = z
  .object({
    format: z.literal('clusterdeck.catalog'),
    version: z.literal(1),
    about: z.string(),
    roles: z.array(z.object({ role: Role, variants: z.array(CatalogVariant).min(1) })),
  })
  .superRefine((catalog, ctx) => {
    const seen = new Set<string>();
    for (const { role, variants } of catalog.roles) {
      if (seen.has(role)) ctx.addIssue({ code: 'custom', message: `Role ${role} is listed twice.` });
      seen.add(role);
      const ids = variants.flatMap((v) => v.services.map((s) => s.id));
      if (new Set(ids).size !== ids.length) ctx.addIssue({ code: 'custom', message: `Role ${role} repeats a service id.` });
    }
    for (const role of ROLES) {
      if (!seen.has(role)) ctx.addIssue({ code: 'custom', message: `Role ${role} has no entry.` });
    }
  });
export type ServiceCatalog = z.infer<typeof ServiceCatalog>;

export function parseServiceCatalog(json: unknown): ServiceCatalog {
  const parsed = ServiceCatalog.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new Error(`The service catalog is not valid (${first?.path.join('.') ?? ''}: ${first?.message ?? 'unknown'}). Fix resources/catalog/services.json.`);
  }
  return parsed.data;
}

export const DEFAULT_CATALOG: ServiceCatalog = parseServiceCatalog(catalogJson);

export function variantsOfRole(catalog: ServiceCatalog, role: Role): CatalogVariant[] {
  return catalog.roles.find((r) => r.role === role)?.variants ?? [];
}
