import { resolve } from 'node:path';
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import {
  noBuiltinHyphenation,
  PDF_BUNDLED_PACKAGES,
  rendersBundleStandIns,
} from './build/pdf-stand-ins';
import { RENDERING_COMMANDS } from './src-main/cli/renders';

/**
 * The Node entry points outside Electron: the `jiebang` CLI and the web host used by the
 * end-to-end tests. Dependencies stay external (they are in node_modules at run time), except the
 * small pure-JS ones every command loads: bundled into the chunks, they start without resolving
 * and reading some 150 module files (zod alone is 95), which is most of `jiebang verify`'s start
 * (issue 22).
 *
 * Three builds (`npm run build:cli` runs them in this order, then writes the code caches): the
 * default mode builds the ES modules in out/node (the web host, the PDF worker, and `jiebang.mjs`,
 * which hands over to the launcher); `--mode cli` builds the CLI again as CommonJS chunks in
 * out/node/cli with the launcher (`launch.cjs`, which bin/jiebang.cjs requires), which runs them
 * with V8's code cache (src-main/cli/launch-cjs.ts, code-cache.ts: node 20 caches no compiled ES
 * module), without the commands that render; `--mode renders` builds the whole CLI once more as
 * CommonJS chunks in out/node/renders, react-pdf bundled whole, for the commands that render
 * (`renders()` below). Each build empties only its own folder; the default one empties out/node.
 */
const common = (cli: boolean): UserConfig => ({
  plugins: cli ? [withoutRenders(), nobleRandomFromNode()] : [],
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
      // hyphenator resolves to the stand-in (build/pdf-stand-ins.ts, as Electron main's PDF
      // worker has it); the rest of react-pdf (fonts, pdfkit, yoga) stays in node_modules.
      ...PDF_BUNDLED_PACKAGES,
    ],
  },
  resolve: { alias: [noBuiltinHyphenation(import.meta.dirname)] },
  build: {
    ssr: true,
    outDir: cli ? 'out/node/cli' : 'out/node',
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
      input: cli
        ? {
            jiebang: resolve(import.meta.dirname, 'src-main/cli/index.ts'),
            launch: resolve(import.meta.dirname, 'src-main/cli/launch-cjs.ts'),
          }
        : {
            jiebang: resolve(import.meta.dirname, 'src-main/cli/launch.ts'),
            server: resolve(import.meta.dirname, 'src-main/web/server.ts'),
            'pdf-worker': resolve(import.meta.dirname, 'src-main/pdf/worker.ts'),
          },
      output: {
        format: cli ? 'cjs' : 'es',
        entryFileNames: cli ? '[name].cjs' : '[name].mjs',
        chunkFileNames: cli ? 'assets/[name]-[hash].cjs' : 'assets/[name]-[hash].js',
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
            // `jiebang pack`'s JSON readers (./src-main/cli/json-io.ts) in a chunk of their own:
            // left to the automatic split they landed in the chunk of ./src-main/cli/io.ts, which
            // re-exports them, and pack loaded the score sheets' readers, decimal.js and nzh, and
            // papaparse from node_modules without a code cache (issue 22).
            { name: 'json-io', test: /src-main[\\/]cli[\\/]json-io\.ts$/ },
            // A finding and the funding rules, which the package's rules and the scores' both use:
            // left to the automatic split they landed in the same chunk (issue 22).
            { name: 'finding', test: /src-shared[\\/]rules[\\/](?:finding|funding)\.ts$/ },
            // The bundle kinds registry loads each kind's schema module when that kind is met;
            // the import policy and the documents' detection, which import every document's
            // schema, each in a chunk of their own: left to the automatic split they shared a
            // chunk with the registry (and the audit chain, strict JSON…), and `jiebang verify`
            // of a sheet built every kind's schema (issue 22).
            // The registry names a project form (FORM_LABEL) with it: left apart, that constant
            // landed in a chunk that imports the registry, a cycle of chunks that CommonJS (the
            // CLI's build) cannot evaluate.
            {
              name: 'kinds',
              test: /src-shared[\\/](?:bundle[\\/]kinds|award[\\/]form-label)\.ts$/,
            },
            { name: 'trust', test: /src-shared[\\/]bundle[\\/]trust\.ts$/ },
            { name: 'detect', test: /src-shared[\\/]model[\\/]detect\.ts$/ },
          ],
        },
      },
    },
  },
});

/**
 * The CommonJS build leaves out the PDF stack (src-main/pdf) and the commands that use it
 * (src-main/cli/renders.ts): imported from the CLI, they are left external under a name no file
 * has, so react-pdf is not in out/node/cli at all (a command that reached it there would fail
 * rather than run react-pdf's ES modules through `require`); the launcher runs those commands
 * from the renders build (`--mode renders`), which bundles react-pdf whole.
 */
function withoutRenders(): Plugin {
  const rendering = new Set(RENDERING_COMMANDS.map((name) => `./${name}`));
  return {
    name: 'jiebang-cli-without-renders',
    enforce: 'pre',
    resolveId(source, importer) {
      if (importer === undefined || !/[\\/]src-main[\\/]cli[\\/]/.test(importer)) return null;
      const commandThatRenders = /[\\/]commands\.ts$/.test(importer) && rendering.has(source);
      if (commandThatRenders || source.startsWith('../pdf/'))
        return { id: `jiebang-renders-in-the-renders-build:${source}`, external: true };
      return null;
    },
  };
}

/**
 * `--mode renders`: the commands that render (src-main/cli/renders.ts) as CommonJS chunks in
 * out/node/renders, which the launcher runs with V8's code cache as it runs the other commands
 * (src-main/cli/launch-cjs.ts; the cache written by scripts/renders-code-cache.ts after a render,
 * so it holds the functions the first layout compiled). react-pdf, React, yoga, fontkit and
 * pdfkit are bundled whole, from their ES modules: required from node_modules through node's
 * CommonJS interop, react-pdf's ES-only packages came back as namespaces ("_react_pdf_font.default
 * is not a constructor"). Only exceljs and papaparse (CommonJS, read by `package new`, never by a
 * render) stay in node_modules. Its stand-ins (brotli, pdfkit's AES, a lazy unicode-trie, pdfkit's
 * standard fonts resolved) are build/pdf-stand-ins.ts's, in this build only.
 */
function renders(): UserConfig {
  const es = common(false);
  return {
    ...es,
    plugins: [rendersBundleStandIns(import.meta.dirname)],
    ssr: { noExternal: true, external: ['exceljs', 'papaparse'] },
    // React's production build, chosen here (the ES build picks it by NODE_ENV at run time,
    // which the commands set unless given): the development build is not bundled.
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      ...es.build,
      outDir: 'out/node/renders',
      rollupOptions: {
        ...es.build?.rollupOptions,
        input: { 'jiebang-renders': resolve(import.meta.dirname, 'src-main/cli/index.ts') },
        output: {
          ...esOutput(es),
          format: 'cjs',
          entryFileNames: '[name].cjs',
          chunkFileNames: 'assets/[name]-[hash].cjs',
        },
      },
    },
  };
}

/**
 * In the CommonJS build, @noble's `randomBytes` draws from `node:crypto` rather than
 * `globalThis.crypto` (src-main/cli/noble-random-node.ts: @noble/curves probes its random source
 * as `ed25519` is made, which in node 20 loads the Web Crypto module that `verify` never uses).
 * Every import of `@noble/hashes/utils.js` but the stand-in's own goes to the stand-in.
 */
function nobleRandomFromNode(): Plugin {
  const standIn = resolve(import.meta.dirname, 'src-main/cli/noble-random-node.ts');
  return {
    name: 'jiebang-cli-noble-random-from-node',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source !== '@noble/hashes/utils.js' || importer === standIn) return null;
      return standIn;
    },
  };
}

function esOutput(config: UserConfig) {
  const output = config.build?.rollupOptions?.output;
  if (output === undefined || Array.isArray(output)) throw new Error('one output expected');
  return output;
}

export default defineConfig(({ mode }) =>
  mode === 'renders' ? renders() : common(mode === 'cli'),
);
