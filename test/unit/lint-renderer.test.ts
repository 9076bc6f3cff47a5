/**
 * The renderer's two size-and-language rules (issue 16): a component over 250 lines fails lint,
 * and so does Chinese in a string, template or JSX text outside `src-renderer/src/i18n/` and tests
 * (comments are free).
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function rulesHit(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

const component = (lines: number) =>
  [
    'export function Big() {',
    '  const rows: number[] = [];',
    ...Array.from({ length: lines - 4 }, (_, i) => `  rows.push(${i});`),
    '  return <p>{rows.length}</p>;',
    '}',
  ].join('\n') + '\n';

describe('lint: renderer components stay under 250 lines', () => {
  it('fails a component of 251 lines and passes one of 250', async () => {
    const file = 'src-renderer/src/screens/example/Big.tsx';
    expect(await rulesHit(component(251), file)).toContain('max-lines');
    expect(await rulesHit(component(250), file)).not.toContain('max-lines');
  });
});

describe('lint: no Chinese text outside the i18n tables', () => {
  const rule = 'i18n/no-cjk-literal';
  it.each([
    ["export const a = '评分表';", 'a string'],
    ['export const b = (n: number) => `第${n}条`;', 'a template'],
    ['export const c = <p>定稿</p>;', 'JSX text'],
    ['export const d = <input aria-label="口令" />;', 'an attribute'],
    ["export const e = '：';", 'CJK punctuation'],
    ["export const f = '１２';", 'full-width digits'],
  ])('fails %s (%s) in a screen, a store and a workflow', async (code) => {
    for (const file of [
      'src-renderer/src/screens/example/X.tsx',
      'src-renderer/src/stores/example.tsx',
      'src-renderer/src/workflows/example.tsx',
    ])
      expect(await rulesHit(code, file), file).toContain(rule);
  });

  it('passes the i18n tables, tests and comments', async () => {
    const code = "// 第十二条\n/** 评分表 */\nexport const a = '评分表';\n";
    expect(await rulesHit(code, 'src-renderer/src/i18n/example.ts')).not.toContain(rule);
    expect(await rulesHit(code, 'src-renderer/src/workflows/x.test.ts')).not.toContain(rule);
    expect(
      await rulesHit(
        "// 第十二条\n/** 评分表 */\nexport const a = 'sheet';\n",
        'src-renderer/src/x.ts',
      ),
    ).not.toContain(rule);
  });
});

describe('lint: screens and components never hold the database', () => {
  const rule = 'renderer/no-db-in-screens';
  it.each([
    ["import { useDb } from '../../stores/session';\nexport const a = useDb;", 'useDb'],
    ["import { useDb as open } from '../stores/session';\nexport const a = open;", 'useDb renamed'],
    ["import { commitChange } from '../../db/repo';\nexport const a = commitChange;", 'the repo'],
    [
      "import type { JiebangDB } from '../../db/database';\nexport type A = JiebangDB;",
      'a db type',
    ],
    ["import { Dexie } from 'dexie';\nexport const a = Dexie;", 'Dexie'],
    ["export const a = () => import('../../db/repo');", 'a dynamic import'],
  ])('fails %s (%s) in a screen and a component', async (code) => {
    expect(await rulesHit(code, 'src-renderer/src/screens/award/X.tsx')).toContain(rule);
    const inComponent = code.replaceAll('../../', '../');
    expect(await rulesHit(inComponent, 'src-renderer/src/components/X.tsx')).toContain(rule);
  });

  it('passes a store, a workflow, a screen calling its store, and the i18n table named db', async () => {
    const db = "import { commitChange } from '../db/repo';\nexport const a = commitChange;";
    expect(await rulesHit(db, 'src-renderer/src/stores/x.ts')).not.toContain(rule);
    expect(await rulesHit(db, 'src-renderer/src/workflows/x.ts')).not.toContain(rule);
    const screen =
      "import { useAward } from '../../stores/award';\nimport { dbText } from '../../i18n/db';\nexport const a = [useAward, dbText];";
    expect(await rulesHit(screen, 'src-renderer/src/screens/award/X.tsx')).toEqual([]);
  });

  it('holds every screen to it, the bureau’s and the inspection team’s included', async () => {
    const code = "import { db } from '../../db/database';\nexport const a = db;";
    for (const screen of ['bureau', 'inspection', 'chair', 'award'])
      expect(await rulesHit(code, `src-renderer/src/screens/${screen}/X.tsx`)).toContain(rule);
  });
});

describe('lint: dates through DateInput, never the browser’s picker', () => {
  it('fails a native date field in a screen and passes the DateInput', async () => {
    const native = 'export const D = () => <input type="date" />;';
    expect(await rulesHit(native, 'src-renderer/src/screens/award/X.tsx')).toContain(
      'no-restricted-syntax',
    );
    const ours =
      'import { DateInput } from \'../../components/DateInput\';\nexport const D = () => <DateInput label="" value="" onCommit={() => undefined} />;';
    expect(await rulesHit(ours, 'src-renderer/src/screens/award/X.tsx')).not.toContain(
      'no-restricted-syntax',
    );
  });
});
