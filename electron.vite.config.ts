import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { pdfjsAssets } from './build/pdfjs-assets';
import {
  noBuiltinHyphenation,
  PDF_BUNDLED_PACKAGES,
  pdfBundledPackagesDeps,
} from './build/pdf-stand-ins';

/**
 * react-router's package exports only its development build (warnings on, unminified); a
 * production build of the renderer takes the production build it also ships (issue 22).
 */
const reactRouterProduction = resolve(
  import.meta.dirname,
  'node_modules/react-router/dist/production/index.mjs',
);

/** Custom roots: src-main (main + preload), src-renderer (the UI); src-shared is imported by both. */
export default defineConfig(({ mode }) => ({
  main: {
    // The PDF worker's react-pdf text engine loads the hyphenator stand-in, as the Node build's does.
    resolve: { alias: [noBuiltinHyphenation(import.meta.dirname)] },
    build: {
      outDir: 'out/main',
      externalizeDeps: {
        exclude: PDF_BUNDLED_PACKAGES,
        include: pdfBundledPackagesDeps(import.meta.dirname),
      },
      lib: {
        entry: {
          index: resolve(import.meta.dirname, 'src-main/index.ts'),
          // The PDF render worker thread (src-main/pdf/pool.ts starts it from out/main).
          'pdf-worker': resolve(import.meta.dirname, 'src-main/pdf/worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // Sandboxed preloads must be one CommonJS file that requires nothing but `electron`.
      externalizeDeps: false,
      isolatedEntries: true,
      lib: { entry: resolve(import.meta.dirname, 'src-main/preload.ts'), formats: ['cjs'] },
      rollupOptions: { output: { entryFileNames: 'preload.cjs' } },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'src-renderer'),
    base: './',
    plugins: [react(), pdfjsAssets()],
    // `electron-vite build` runs in production mode (the web host serves that same build).
    resolve: {
      alias:
        mode === 'production'
          ? [{ find: /^react-router$/, replacement: reactRouterProduction }]
          : [],
    },
    define: { 'process.env.NODE_ENV': JSON.stringify(mode) },
    build: {
      outDir: resolve(import.meta.dirname, 'out/renderer'),
      emptyOutDir: true,
      // electron-vite leaves the renderer unminified by default.
      minify: mode === 'production',
      reportCompressedSize: true,
      rollupOptions: { input: resolve(import.meta.dirname, 'src-renderer/index.html') },
    },
  },
}));
