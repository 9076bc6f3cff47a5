// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** Folder import boundaries (DESIGN.md "Shape"): imports flow one way. */
const sharedBoundary = {
  patterns: [
    { group: ['electron', 'electron/*'], message: 'src-shared is pure: no Electron.' },
    { group: ['node:*'], message: 'src-shared is isomorphic: no Node built-ins.' },
    {
      group: ['**/src-main/**', '**/src-renderer/**'],
      message: 'src-shared may not import main or renderer.',
    },
    {
      group: ['react', 'react-dom', 'react-dom/*', 'dexie'],
      message: 'src-shared is UI- and storage-free.',
    },
  ],
  paths: ['fs', 'path', 'crypto', 'os', 'child_process', 'url', 'buffer', 'stream'].map((name) => ({
    name,
    message: 'src-shared is isomorphic: no Node built-ins.',
  })),
};

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'coverage/**',
      '.tmp/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-assertions': ['error', { assertionStyle: 'never' }],
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['src-shared/**/*.ts'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
    rules: {
      'no-restricted-imports': ['error', sharedBoundary],
      // The DOM is off limits in src-shared: no window, document, localStorage or indexedDB.
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'localStorage',
        'sessionStorage',
        'indexedDB',
        'navigator',
      ],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/src-main/**'],
              message: 'The renderer talks to main only through src-shared/ipc.ts.',
            },
            {
              group: ['electron', 'node:*'],
              message: 'The renderer is sandboxed: no Electron or Node.',
            },
          ],
        },
      ],
    },
  },
  {
    files: [
      'src-main/**/*.ts',
      'test/**/*.ts',
      'scripts/**/*.ts',
      'build/**/*.ts',
      '*.config.{ts,js}',
      'bin/**/*.mjs',
    ],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // Playwright fixtures must destructure their first argument, even when they use nothing from it.
    files: ['test/e2e/**/*.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
);
