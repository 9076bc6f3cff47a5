/**
 * docs/taskbook.md's usage example stays true: the code it shows for the sample task book is the
 * one `jiebang render-taskbook` prints and `verify-print` expects (`taskBookCode`, the same
 * function), every shortened code (`c6a7338f…`) is a beginning of it, and the mismatching code it
 * shows is another code. The task book's content changes its code; this test says when the doc
 * must follow.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { TaskBookSchema } from '../../src-shared/model';
import { taskBookCode } from '../../src-shared/taskbook';

describe('docs/taskbook.md usage', () => {
  it('shows the sample task book’s code', async () => {
    const doc = await readFile('docs/taskbook.md', 'utf8');
    const sample = TaskBookSchema.parse(
      JSON.parse(await readFile('resources/sample/taskbook.json', 'utf8')),
    );
    const code = taskBookCode(sample);
    const usage = doc.slice(doc.indexOf('## Usage'), doc.indexOf('## What is verified'));
    const full = [...usage.matchAll(/\b[0-9a-f]{64}\b/g)].map((m) => m[0]);
    expect(full.length).toBeGreaterThan(0);
    for (const shown of full) expect(shown).toBe(code);
    const expected = [...usage.matchAll(/应为 ([0-9a-f]+)…/g)].map((m) => m[1] ?? '');
    expect(expected.length).toBeGreaterThan(0);
    for (const prefix of expected) expect(code.startsWith(prefix), prefix).toBe(true);
    const wrong = /打印件核验码 ([0-9a-f]+)…/.exec(usage)?.[1] ?? '';
    expect(wrong).not.toBe('');
    expect(code.startsWith(wrong)).toBe(false);
  });
});
