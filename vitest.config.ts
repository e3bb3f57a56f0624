import { defineConfig } from 'vitest/config';

// CI reads junit/json results; locally the default reporter is enough.
const ci = process.env.CI === 'true';

export default defineConfig({
  test: {
    include: ['{edxml,simulator,conformance,console,cli,scripts,oracles}/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    reporters: ci ? ['default', 'junit', 'json'] : ['default'],
    outputFile: { junit: 'test-results/junit.xml', json: 'test-results/results.json' },
  },
});
