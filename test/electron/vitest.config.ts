import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

/**
 * `npm run test:main`: the built main process under Node with the electron stand-in. Apart from
 * the unit tests because it needs `npm run build` first (npm test runs it after the build).
 */
export default defineConfig({
  root: resolve(import.meta.dirname, '../..'),
  test: {
    include: ['test/electron/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
