import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { z } from 'zod';

/**
 * react-pdf's packages that the PDF render bundles rather than loading from node_modules, so that
 * their text engine's import of the en-US hyphenator resolves to the stand-in below (fonts.ts
 * registers the line breaking every document uses; the pattern trie the hyphenator builds as it
 * loads is never used). The rest of react-pdf (fonts, pdfkit, yoga) stays in node_modules. Used
 * by Electron main's PDF worker build (electron.vite.config.ts) and the Node build
 * (vite.cli.config.ts) alike (issue 22).
 */
export const PDF_BUNDLED_PACKAGES = [
  '@react-pdf/renderer',
  '@react-pdf/layout',
  '@react-pdf/textkit',
];

/**
 * `@react-pdf/hyphenate/en-us` → src-main/pdf/no-builtin-hyphenation.ts (throws if ever called).
 * @param root the repository's root (the config's own directory: a bundled config has none here)
 */
export const noBuiltinHyphenation = (root: string) => ({
  find: /^@react-pdf\/hyphenate\/en-us$/,
  replacement: resolve(root, 'src-main/pdf/no-builtin-hyphenation.ts'),
});

const PackageDeps = z.object({ dependencies: z.record(z.string(), z.string()).default({}) });

/**
 * What the bundled packages import from node_modules (their own dependencies, not listed in the
 * app's package.json): kept external, as the Node build's SSR keeps every package it does not
 * bundle. The hyphenator's package is left out: its en-US entry is aliased to the stand-in.
 */
export function pdfBundledPackagesDeps(root: string): string[] {
  const deps = PDF_BUNDLED_PACKAGES.flatMap((name) =>
    Object.keys(
      PackageDeps.parse(
        JSON.parse(readFileSync(resolve(root, 'node_modules', name, 'package.json'), 'utf8')),
      ).dependencies,
    ),
  );
  return [...new Set(deps)].filter(
    (d) => !PDF_BUNDLED_PACKAGES.includes(d) && d !== '@react-pdf/hyphenate',
  );
}

/** A package's own files in node_modules, by the importer's path (pdfkit's own, fontkit's own). */
const inPackage = (name: string) => new RegExp(`[\\\\/]node_modules[\\\\/]${name}[\\\\/]`);

/**
 * The stand-ins of the render commands' CommonJS bundle (vite.cli.config.ts, mode `renders`),
 * which bundles react-pdf with fontkit, pdfkit and yoga whole (issue 22):
 * - fontkit's `brotli/decompress.js` → src-main/pdf/no-woff2.ts: brotli builds its dictionary as
 *   it loads, for WOFF2 faces only; every print face is a TTF.
 * - pdfkit's `@noble/ciphers/aes` → src-main/pdf/no-pdf-encryption.ts: the cipher's tables are
 *   built as it loads, for password-protected PDFs only; no document sets a password.
 * - `unicode-trie` → src-main/pdf/lazy-unicode-trie.ts: the same trie, inflated when first read;
 *   fontkit, unicode-properties and linebreak inflate theirs as they load, most never read here.
 * - pdfkit's standard fonts (`#standard-fonts/NAME`, which its ES build requires through
 *   `createRequire(import.meta.url)` from its own folder, as the default Helvetica is set on every
 *   new document): required by the package's exported name instead (`pdfkit/standard-fonts/NAME`),
 *   which the bundler resolves and bundles, each evaluated only when required.
 * Each stand-in throws if it is ever called rather than do something else.
 */
export function rendersBundleStandIns(root: string): Plugin {
  const fontkit = inPackage('fontkit');
  const pdfkit = inPackage('pdfkit');
  return {
    name: 'jiebang-renders-stand-ins',
    enforce: 'pre',
    resolveId(source, importer) {
      if (importer === undefined) return null;
      if (source === 'brotli/decompress.js' && fontkit.test(importer))
        return resolve(root, 'src-main/pdf/no-woff2.ts');
      if (source === '@noble/ciphers/aes' && pdfkit.test(importer))
        return resolve(root, 'src-main/pdf/no-pdf-encryption.ts');
      if (source === 'unicode-trie') return resolve(root, 'src-main/pdf/lazy-unicode-trie.ts');
      return null;
    },
    transform(code, id) {
      if (!/[\\/]node_modules[\\/]pdfkit[\\/]js[\\/]pdfkit\.node\.mjs$/.test(id)) return null;
      const standardFont = /require\$1\('#standard-fonts\/(\w+)'\)/g;
      const count = code.match(standardFont)?.length ?? 0;
      if (count !== 14)
        throw new Error(`pdfkit's standard fonts: ${count} requires of #standard-fonts, not 14`);
      return { code: code.replace(standardFont, "require('pdfkit/standard-fonts/$1')"), map: null };
    },
  };
}
