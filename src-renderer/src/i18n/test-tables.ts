/**
 * Tests run a component, a store or a workflow without the screen module that loads its strings in
 * the app: every table is registered before each test file (vitest.config.ts `setupFiles`). That the
 * app registers each table before a screen shows it is test/unit/i18n-chunks.test.ts's check.
 */
import './all';
