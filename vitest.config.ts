// Two projects: `unit` runs anywhere in seconds; `lab` (integration + e2e)
// runs against the lab cluster that its global setup brings up once.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'lab',
          include: ['test/integration/**/*.test.ts', 'test/e2e/**/*.test.ts'],
          environment: 'node',
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
