/** App-level calls: is the store usable, where does data live, the activity log. */
import { z } from 'zod';

export const StoreState = z.discriminatedUnion('status', [
  z.object({ status: z.literal('ok'), path: z.string(), schemaVersion: z.number().int() }),
  z.object({
    status: z.enum(['corrupt', 'too_new', 'unreadable']),
    path: z.string(),
    message: z.string(),
  }),
]);
export type StoreState = z.infer<typeof StoreState>;

export const AppInfo = z.object({
  version: z.string(),
  form: z.enum(['desktop', 'web']),
  dataDir: z.string(),
  store: StoreState,
  secrets: z.enum(['unlocked', 'locked', 'unavailable']),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const ActivityEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  clusterId: z.string().nullable(),
  nodeId: z.string().nullable(),
  target: z.string(),
  result: z.enum(['ok', 'failed', 'cancelled']),
  detail: z.string(),
});
export type ActivityEntry = z.infer<typeof ActivityEntry>;

export const appMethods = {
  getAppInfo: { input: z.object({}).strict(), output: AppInfo },
  listActivity: {
    input: z
      .object({
        clusterId: z.string().max(64).optional(),
        limit: z.number().int().min(1).max(1000).default(200),
      })
      .strict(),
    output: z.array(ActivityEntry),
  },
} as const;
