/**
 * The bare packages a built file pulls in: its `import … from "x"` lines and `import("x")` calls,
 * and those of the chunks it imports (`./chunk.js`), followed. Used to check what loads where
 * (start.test.ts: no PDF stack at main's start; packaged.test.ts: the worker's packages unpacked).
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export function builtImports(
  file: string,
  options: { dynamic?: boolean } = {},
  seen = new Set<string>(),
): Set<string> {
  const code = readFileSync(file, 'utf8');
  const specifiers = [...code.matchAll(/^import\s(?:[^;]*?\sfrom\s)?\s*"([^"]+)";/gm)].map(
    (m) => m[1] ?? '',
  );
  if (options.dynamic)
    specifiers.push(...[...code.matchAll(/\bimport\(\s*"([^"]+)"\s*\)/g)].map((m) => m[1] ?? ''));
  const packages = new Set<string>();
  for (const specifier of specifiers) {
    if (specifier.startsWith('.')) {
      const chunk = resolve(dirname(file), specifier);
      if (seen.has(chunk)) continue;
      seen.add(chunk);
      for (const p of builtImports(chunk, options, seen)) packages.add(p);
    } else packages.add(specifier);
  }
  return packages;
}

/** The package a bare specifier names: `@scope/name/sub` → `@scope/name`, `name/sub` → `name`. */
export function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}
