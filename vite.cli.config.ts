import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/**
 * The Node entry points outside Electron: the `jiebang` CLI and the web host used by the
 * end-to-end tests. Dependencies stay external (they are in node_modules at run time), except the
 * small pure-JS ones every command loads: bundled into the chunks, they start without resolving
 * and reading some 150 module files (zod alone is 95), which is most of `jiebang verify`'s start
 * (issue 22).
 */
export default defineConfig({
  ssr: {
    noExternal: [
      'zod',
      /^@noble\//,
      '@scure/base',
      'age-encryption',
      'canonicalize',
      'fflate',
      'decimal.js',
      'nzh',
      // The PDF render's react-pdf, bundled so that its text engine's import of the en-US
      // hyphenator resolves to the stand-in below (fonts.ts registers the line breaking every
      // document uses); the rest of react-pdf (fonts, pdfkit, yoga) stays in node_modules.
      '@react-pdf/renderer',
      '@react-pdf/layout',
      '@react-pdf/textkit',
    ],
  },
  resolve: {
    alias: [
      {
        find: /^@react-pdf\/hyphenate\/en-us$/,
        replacement: resolve(import.meta.dirname, 'src-main/pdf/no-builtin-hyphenation.ts'),
      },
    ],
  },
  build: {
    ssr: true,
    outDir: 'out/node',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    rollupOptions: {
      // src-shared is pure (lint: no Node built-ins, no DOM): importing one of its modules only
      // defines constants and schemas, so a chunk that re-exports a barrel (src-shared/model)
      // need not import every module behind it for effects (issue 22). The one module that is
      // imported for its effect — zod's messages in Chinese — keeps it.
      treeshake: {
        moduleSideEffects: (id: string) =>
          !/[\\/]src-shared[\\/]/.test(id) || /[\\/]validation-messages\.ts$/.test(id),
      },
      input: {
        jiebang: resolve(import.meta.dirname, 'src-main/cli/index.ts'),
        server: resolve(import.meta.dirname, 'src-main/web/server.ts'),
        'pdf-worker': resolve(import.meta.dirname, 'src-main/pdf/worker.ts'),
      },
      output: {
        format: 'es',
        entryFileNames: '[name].mjs',
        // ASCII only (other characters as \u escapes, the same strings at run time): node's ESM
        // loader decodes each chunk from UTF-8 and V8 holds and scans an ASCII source as one
        // byte a character; with the Chinese messages left as they are, every chunk was a
        // two-byte string, decoded on the slow path (issue 22).
        charset: 'ascii',
        // Licences kept; the doc comments (Chinese and typographic characters among them) are
        // not read at run time, and each is decoded and scanned at every start.
        comments: { legal: true, annotation: false, jsdoc: false },
        // Main's crypto (the node:crypto provider, bundles as files) in a chunk of its own: left
        // to the automatic split it landed in the chunk that imports exceljs and papaparse, which
        // `jiebang verify` then loaded and compiled for nothing (issue 22).
        codeSplitting: {
          includeDependenciesRecursively: false,
          groups: [
            { name: 'node-crypto', test: /src-main[\\/]crypto[\\/]/ },
            // The bundle kinds registry loads each kind's schema module when that kind is met;
            // the import policy and the documents' detection, which import every document's
            // schema, each in a chunk of their own: left to the automatic split they shared a
            // chunk with the registry (and the audit chain, strict JSON…), and `jiebang verify`
            // of a sheet built every kind's schema (issue 22).
            { name: 'kinds', test: /src-shared[\\/]bundle[\\/]kinds\.ts$/ },
            { name: 'trust', test: /src-shared[\\/]bundle[\\/]trust\.ts$/ },
            { name: 'detect', test: /src-shared[\\/]model[\\/]detect\.ts$/ },
          ],
        },
      },
    },
  },
});
