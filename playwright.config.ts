import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests drive the real renderer in Debian's Chromium through the web host
 * (the Electron binary cannot be downloaded on the build machines). `npm run build` first.
 */
export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: process.env['CI'] ? 2 : 2,
  retries: 0,
  // Ceilings, not waits: every step waits for a state, and a busy 2-core machine (CI, or six
  // builds beside it) can take several times the quiet figure before that state comes.
  timeout: 180_000,
  expect: { timeout: 30_000 },
  reporter: [['list']],
  outputDir: 'test-results',
});
