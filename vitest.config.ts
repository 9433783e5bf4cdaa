import { defineConfig } from 'vitest/config';

// Unit and integration tests live in test/, mirroring the source folders.
// Browser tests (test/browser) drive Debian's Chromium through playwright-core.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
  },
});
