import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: native index builds and model loads contend, so keep file-level parallelism modest.
    maxWorkers: 2,
    // CI reads the counts from this report (see .ci/run); locally only the usual summary is printed.
    reporters: process.env.CI ? ['default', ['json', { outputFile: '.ci/test-results.json' }]] : ['default'],
  },
});
