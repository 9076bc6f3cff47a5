/**
 * What the packaged app needs outside `app.asar` (electron-builder.config.ts reads it; the tests in
 * test/unit/packaging-config.test.ts and test/electron/packaged.test.ts check it).
 *
 * The PDF worker thread (out/main/pdf-worker.js) loads its script, its chunks and its modules from
 * the real disk, not through Electron's asar layer, so it is unpacked (`asarUnpack`) together with
 * every package it imports and theirs, and main starts it from `app.asar.unpacked`
 * (src-main/bootstrap.ts, `unpackedPath`). The fonts it embeds are files of the @expo-google-fonts
 * packages, found by path at run time.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { z } from 'zod';

/**
 * The packages the PDF worker imports (its chunks' bare imports, side-effect imports included, and
 * the font packages it resolves by path). test/electron/packaged.test.ts fails when the built
 * worker imports one not listed, or renders nothing without one.
 */
export const WORKER_PACKAGES = [
  '@react-pdf/renderer',
  // The page numbers are drawn after layout on a pdfkit document (src-main/pdf/page-numbers.ts).
  'pdfkit',
  'fontkit',
  'qrcode',
  'react',
  'zod',
  'decimal.js',
  'canonicalize',
  '@noble/curves',
  '@noble/hashes',
  '@scure/base',
  // Imported for its side effects by a chunk the worker shares with main (the bundler keeps those).
  'age-encryption',
  'fflate',
  // Amounts in capitals on the meeting forms (src-shared/money.ts), and the photo reader the
  // inspection report's schemas share a chunk with.
  'nzh',
  'exifr',
  '@expo-google-fonts/noto-serif-sc',
  '@expo-google-fonts/noto-sans-sc',
  '@expo-google-fonts/noto-serif-jp',
] as const;

/** The font weights the task book and the score sheet use (src-main/pdf/fonts.ts); others stay out. */
export const FONT_WEIGHTS_USED = ['400Regular', '700Bold'] as const;

/**
 * Weight folders of the font packages the PDF never uses (each weight is 10–20 MB), to leave out
 * of the app (`files`), as `node_modules/@expo-google-fonts/<family>/<weight>`.
 */
export function unusedFontFolders(root: string): string[] {
  return WORKER_PACKAGES.filter((name) => name.startsWith('@expo-google-fonts/')).flatMap((name) =>
    readdirSync(join(root, 'node_modules', name), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && /^\d00[A-Z]/.test(entry.name))
      .filter((entry) => !FONT_WEIGHTS_USED.some((weight) => weight === entry.name))
      .map((entry) => `node_modules/${name}/${entry.name}`),
  );
}

/** The built files of main the worker needs: itself and the chunks it imports (out/main/*.js). */
export const WORKER_FILES = 'out/main/*.js';

const ManifestSchema = z.object({
  dependencies: z.record(z.string(), z.string()).optional(),
  optionalDependencies: z.record(z.string(), z.string()).optional(),
});

/** The folder Node would load package `name` from, starting at `from` (null: not installed). */
function findPackage(root: string, from: string, name: string): string | null {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dir === root || dir === dirname(dir)) return null;
  }
}

/**
 * The installed folders (relative to `root`, `/`-separated) of `names` and everything they depend
 * on, as Node resolves them from each package — hoisted or nested. A folder inside another in the
 * list is left out (the outer one's `/**` covers it). Optional dependencies not installed are
 * skipped; a required one missing is an error.
 */
export function packageClosure(root: string, names: readonly string[]): string[] {
  const found = new Set<string>();
  const queue: { name: string; from: string; optional: boolean }[] = names.map((name) => ({
    name,
    from: root,
    optional: false,
  }));
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    const dir = findPackage(root, next.from, next.name);
    if (dir === null) {
      if (next.optional) continue;
      throw new Error(
        `${next.name}（${relative(root, next.from) || '.'} 所需）未安装，请先 npm ci`,
      );
    }
    if (found.has(dir)) continue;
    found.add(dir);
    const manifest = ManifestSchema.parse(
      JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')),
    );
    for (const name of Object.keys(manifest.dependencies ?? {}))
      queue.push({ name, from: dir, optional: false });
    for (const name of Object.keys(manifest.optionalDependencies ?? {}))
      queue.push({ name, from: dir, optional: true });
  }
  const all = [...found].map((dir) => relative(root, dir).split(sep).join('/')).sort();
  return all.filter((dir) => !all.some((outer) => dir.startsWith(`${outer}/`)));
}

/** `asarUnpack`: the worker's built files and the folders of every package it loads. */
export function workerUnpackGlobs(root: string): string[] {
  return [WORKER_FILES, ...packageClosure(root, WORKER_PACKAGES).map((dir) => `${dir}/**`)];
}

/** The icons the packaged app is built with (issue 16 draws them), by platform. */
export const ICONS = {
  win: 'resources/icons/icon.ico',
  mac: 'resources/icons/icon.icns',
  linux: 'resources/icons/icon.png',
} as const;

/** Files `npm run dist` needs that a checkout may lack: the build's output and the icons. */
export const DIST_INPUTS = [
  'out/main/index.js',
  'out/main/pdf-worker.js',
  'out/preload/preload.cjs',
  'out/renderer/index.html',
  'resources/sample/review-package.jbx',
  ...Object.values(ICONS),
] as const;

/** The inputs of `npm run dist` missing under `root`, as a sentence; null when all are there. */
export function missingDistInputs(root: string): string | null {
  const missing = DIST_INPUTS.filter((file) => !existsSync(join(root, file)));
  if (missing.length === 0) return null;
  return (
    `打包所需的文件缺失，未打包：${missing.join('、')}（out/ 由 npm run build 生成，图标见 resources/icons）。` +
    ` Files needed for packaging are missing: ${missing.join(', ')}.`
  );
}
