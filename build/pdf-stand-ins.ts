import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
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
