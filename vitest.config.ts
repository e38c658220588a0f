// Two projects: `unit` runs anywhere in seconds; `lab` (integration + e2e)
// runs against the lab cluster that its global setup brings up once. Both load
// the outbound guard: a test may reach only this machine and the lab.
import { defineConfig } from 'vitest/config';

const OUTBOUND_GUARD = 'test/support/outboundGuardSetup.ts';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
          setupFiles: [OUTBOUND_GUARD],
        },
      },
      {
        test: {
          name: 'lab',
          include: ['test/integration/**/*.test.ts', 'test/e2e/**/*.test.ts'],
          environment: 'node',
          setupFiles: [OUTBOUND_GUARD],
          globalSetup: ['test/lab/globalSetup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Tests share one lab; faults on one node must not surprise another file.
          fileParallelism: false,
        },
      },
    ],
  },
});
