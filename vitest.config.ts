import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'src-shared/**/*.test.ts',
      'src-main/**/*.test.ts',
      'src-renderer/**/*.test.{ts,tsx}',
      'test/unit/**/*.test.ts',
      'test/doors/**/*.test.ts',
    ],
    environment: 'node',
    // Every string table registered, as in the app once a screen has loaded its own (issue 22).
    setupFiles: ['src-renderer/src/i18n/test-tables.ts'],
    // Generous: tests wait for states, and must pass on a busy 2-core machine (a load of 20 took
    // the CLI's pack/verify/unpack round and sixteen parallel unlocks past 30 s). A hang still fails.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
