import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // One fixed seed for every property test (see the file for replaying and exploring).
    setupFiles: ['tests/setup/fast-check.ts'],
    // End-to-end tests spawn the CLI and real validators; give them room on a 2-core machine.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      // bin.ts only calls main(); the worker entry runs in pool threads, which coverage does not follow (both run in the e2e tests).
      exclude: ['src/**/*.d.ts', 'src/cli/bin.ts', 'src/pipeline/worker.ts'],
      reporter: ['text-summary', 'json-summary'],
      reportsDirectory: '.coverage',
      thresholds: { lines: 85 },
    },
  },
});
