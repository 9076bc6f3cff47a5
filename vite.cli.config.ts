import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/**
 * The Node entry points outside Electron: the `jiebang` CLI and the web host used by the
 * end-to-end tests. Dependencies stay external (they are in node_modules at run time).
 */
export default defineConfig({
  build: {
    ssr: true,
    outDir: 'out/node',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    rollupOptions: {
      input: {
        jiebang: resolve(import.meta.dirname, 'src-main/cli/index.ts'),
        server: resolve(import.meta.dirname, 'src-main/web/server.ts'),
        'pdf-worker': resolve(import.meta.dirname, 'src-main/pdf/worker.ts'),
      },
      output: { format: 'es', entryFileNames: '[name].mjs' },
    },
  },
});
