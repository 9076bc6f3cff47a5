// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import path from 'node:path';

/** Folder import boundaries (docs/architecture.md "One-way imports"): imports flow one way. */
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

/**
 * electron-vite's ESM shim declares `require`, `__dirname` and `__filename` at the top of every
 * main-process chunk that mentions them, after the bundler has renamed clashing bindings. A
 * declaration of one of these names in code bundled into main then clashes with the shim, and the
 * chunk no longer parses ("Identifier 'require' has already been declared"): main dies before a
 * window opens. So no binding of any kind (variable, function, class, parameter, import) may take
 * these names there. Scope analysis sees every kind of declaration, destructuring included.
 */
const SHIM_NAMES = new Set(['require', '__dirname', '__filename']);
const noShimBindings = {
  meta: {
    type: 'problem',
    docs: {
      description:
        'Forbid bindings named like the bundler shims of main (require, __dirname, __filename).',
    },
    schema: [],
    messages: {
      shim: "'{{name}}' is declared by electron-vite's ESM shim in main's chunks: name this binding otherwise (e.g. requireFromHere, here).",
    },
  },
  /** @param {import('eslint').Rule.RuleContext} context */
  create(context) {
    return {
      'Program:exit'() {
        // A class is a variable both outside and inside its own scope: report each name once.
        const reported = new Set();
        for (const scope of context.sourceCode.scopeManager?.scopes ?? []) {
          for (const variable of scope.variables) {
            if (!SHIM_NAMES.has(variable.name)) continue;
            for (const identifier of variable.identifiers) {
              if (reported.has(identifier)) continue;
              reported.add(identifier);
              context.report({
                node: identifier,
                messageId: 'shim',
                data: { name: variable.name },
              });
            }
          }
        }
      },
    };
  },
};

/**
 * Every word a user reads is in the i18n tables (issue 16): no Chinese (Han characters, CJK
 * punctuation, full-width forms) in a string, template or JSX text of the renderer outside
 * `src-renderer/src/i18n/` and tests. Comments are exempt: they are not shown.
 */
const CJK = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]/u;
const noCjkLiteral = {
  meta: {
    type: 'problem',
    docs: { description: 'Forbid Chinese text outside the i18n tables (src-renderer/src/i18n/).' },
    schema: [],
    messages: {
      cjk: 'Chinese text belongs in the i18n tables (src-renderer/src/i18n/): call t() with a key.',
    },
  },
  /** @param {import('eslint').Rule.RuleContext} context */
  create(context) {
    /** @param {import('estree').Node} node @param {unknown} text */
    const check = (node, text) => {
      if (typeof text === 'string' && CJK.test(text)) context.report({ node, messageId: 'cjk' });
    };
    return {
      Literal: (node) => check(node, node.value),
      TemplateElement: (node) => check(node, node.value.cooked ?? node.value.raw),
      /** @param {import('estree').BaseNode & { value: string }} node JSX text (not in estree's types) */
      JSXText: (node) => check(node, node.value),
    };
  },
};

/**
 * Screens and components never hold the database (issue 16, docs/architecture.md): they call a
 * store, which calls a workflow with the database. So no import of the renderer's `db/` folder
 * (types included), of Dexie, or of `useDb` (the session's open database) from wherever it comes.
 */
const RENDERER_DB = path.resolve(import.meta.dirname, 'src-renderer/src/db');
const noDbInScreens = {
  meta: {
    type: 'problem',
    docs: { description: 'Forbid the database (db/, Dexie, useDb) in screens and components.' },
    schema: [],
    messages: {
      db: "Screens and components never hold the database ('{{what}}'): call a store (stores/<feature>.ts), which calls a workflow (docs/architecture.md).",
    },
  },
  /** @param {import('eslint').Rule.RuleContext} context */
  create(context) {
    const here = path.dirname(context.filename);
    /** @param {string} source */
    const isDb = (source) => {
      if (source === 'dexie' || source.startsWith('dexie/') || source.startsWith('dexie-'))
        return true;
      if (!source.startsWith('.')) return false;
      const target = path.resolve(here, source);
      return target === RENDERER_DB || target.startsWith(RENDERER_DB + path.sep);
    };
    /** @param {import('estree').Node} node @param {unknown} source */
    const checkSource = (node, source) => {
      if (typeof source === 'string' && isDb(source))
        context.report({ node, messageId: 'db', data: { what: source } });
    };
    /** @param {import('estree').Node} node @param {import('estree').Node} name */
    const checkName = (node, name) => {
      const text =
        name.type === 'Identifier' ? name.name : name.type === 'Literal' ? name.value : '';
      if (text === 'useDb') context.report({ node, messageId: 'db', data: { what: 'useDb' } });
    };
    return {
      ImportDeclaration(node) {
        checkSource(node, node.source.value);
        for (const s of node.specifiers) if (s.type === 'ImportSpecifier') checkName(s, s.imported);
      },
      ExportNamedDeclaration(node) {
        if (!node.source) return;
        checkSource(node, node.source.value);
        for (const s of node.specifiers) checkName(s, s.local);
      },
      ExportAllDeclaration: (node) => checkSource(node, node.source.value),
      ImportExpression(node) {
        if (node.source.type === 'Literal') checkSource(node, node.source.value);
      },
    };
  },
};

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
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
      'bin/**/*.{mjs,cjs}',
      'test/**/*.mjs',
    ],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // The installed command is CommonJS (bin/jiebang.cjs: no ES-module loader at start, issue 22).
    files: ['bin/**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Code bundled into main (src-shared is bundled there too): see noShimBindings above.
    files: ['src-main/**/*.{ts,tsx}', 'src-shared/**/*.{ts,tsx}'],
    plugins: { jiebang: { rules: { 'no-shim-bindings': noShimBindings } } },
    rules: { 'jiebang/no-shim-bindings': 'error' },
  },
  {
    // Playwright fixtures must destructure their first argument, even when they use nothing from it.
    files: ['test/e2e/**/*.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
  {
    // Screens stay small (issue 16): a component over 250 lines is split into components.
    files: ['src-renderer/src/**/*.tsx'],
    rules: { 'max-lines': ['error', { max: 250 }] },
  },
  {
    files: ['src-renderer/src/**/*.{ts,tsx}'],
    // Tests and the fixtures only tests import (stores/test-*.ts) hold sample data, not UI text.
    ignores: [
      'src-renderer/src/i18n/**',
      'src-renderer/src/**/*.test.{ts,tsx}',
      'src-renderer/src/**/test-*.ts',
    ],
    plugins: { i18n: { rules: { 'no-cjk-literal': noCjkLiteral } } },
    rules: { 'i18n/no-cjk-literal': 'error' },
  },
  {
    files: ['src-renderer/src/screens/**/*.{ts,tsx}', 'src-renderer/src/components/**/*.{ts,tsx}'],
    plugins: { renderer: { rules: { 'no-db-in-screens': noDbInScreens } } },
    rules: { 'renderer/no-db-in-screens': 'error' },
  },
  {
    // Dates are typed and shown as people here write them (2026-12-01, 2026年12月1日) through
    // components/DateInput, never the browser's locale picker (month first in an en-US locale).
    files: ['src-renderer/src/**/*.tsx'],
    ignores: ['src-renderer/src/**/*.test.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='type'][value.value='date']",
          message: '日期请用 components/DateInput（2026-12-01），不用浏览器的日期控件。',
        },
      ],
    },
  },
);
