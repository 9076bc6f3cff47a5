import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';

/**
 * Ships pdf.js's character maps, standard fonts and wasm decoders with the renderer under
 * `pdfjs/`, so proposals (Chinese PDFs whose fonts are not embedded included) render offline.
 */
export function pdfjsAssets(): Plugin {
  // Resolved from the project (the config file itself is bundled into a temporary folder).
  const require = createRequire(join(process.cwd(), 'package.json'));
  const root = dirname(require.resolve('pdfjs-dist/package.json'));
  const folders = ['cmaps', 'standard_fonts', 'wasm'];
  const files = (): { rel: string; abs: string }[] =>
    folders.flatMap((folder) =>
      readdirSync(join(root, folder)).map((name) => ({
        rel: `pdfjs/${folder}/${name}`,
        abs: join(root, folder, name),
      })),
    );
  return {
    name: 'jiebang-pdfjs-assets',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const match = files().find((f) => req.url === `/${f.rel}`);
        if (!match) return next();
        res.setHeader('Content-Type', 'application/octet-stream');
        res.end(readFileSync(match.abs));
      });
    },
    generateBundle() {
      for (const f of files())
        this.emitFile({ type: 'asset', fileName: f.rel, source: readFileSync(f.abs) });
    },
  };
}
