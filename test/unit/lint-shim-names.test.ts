import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function shimFindings(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'jiebang/no-shim-bindings')
    .map((m) => m.message);
}

describe('lint: no binding in main may take a name of the bundler shims', () => {
  // Each line declares one of the names electron-vite's ESM shim declares in main's chunks.
  const declarations = [
    "import { createRequire } from 'node:module';\nexport const require = createRequire(import.meta.url);",
    'export let __dirname = import.meta.dirname;',
    'export function __filename(): string { return import.meta.filename; }',
    'export class require {}',
    'export const { require } = { require: 1 };',
    'export const [__dirname] = [import.meta.dirname];',
    "import require from 'node:module';\nexport { require };",
    "import { createRequire as require } from 'node:module';\nexport { require };",
    'export const f = (require: string): string => require;',
    'export function g(): void { const __filename = 1; void __filename; }',
  ];

  it.each(declarations)('refuses %s in src-main and src-shared', async (code) => {
    for (const file of ['src-main/pdf/example.ts', 'src-shared/example.ts']) {
      const findings = await shimFindings(code, file);
      expect(findings, file).toHaveLength(1);
      expect(findings[0]).toMatch(/declared by electron-vite's ESM shim/);
    }
  });

  it('allows using the names and other bindings', async () => {
    const code = [
      "import { createRequire } from 'node:module';",
      'const requireFromHere = createRequire(import.meta.url);',
      "export const font = requireFromHere.resolve('zod');",
      'export const here = import.meta.dirname;',
      'export const o = { require: 1, __dirname: 2 };',
    ].join('\n');
    expect(await shimFindings(code, 'src-main/pdf/example.ts')).toEqual([]);
  });

  it('leaves the renderer alone (it is not bundled with the shim)', async () => {
    expect(await shimFindings('export const require = 1;', 'src-renderer/src/example.ts')).toEqual(
      [],
    );
  });
});
