/**
 * The built renderer's first screen (out/renderer/index.html, after `npm run build`): what it
 * preloads before the profile form can draw (issue 22: first screen ≤ 1 s; `npm run bench`'s
 * renderer suite times it). The document schemas and decimal arithmetic are for the screens that
 * read documents, loaded with them: once, the bureau desk's string table imported two sentences
 * from src-shared/bundle/documents.ts, and 135 KB of schemas and decimal.js (money) rode along
 * with every start.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ASSETS = 'out/renderer/assets';

function preloaded(): string[] {
  const html = readFileSync('out/renderer/index.html', 'utf8');
  return [...html.matchAll(/(?:src|href)="\.\/assets\/([^"]+\.js)"/g)].flatMap((m) =>
    m[1] === undefined ? [] : [m[1]],
  );
}

describe('the first screen as built', () => {
  it('preloads neither the document schemas nor decimal arithmetic', () => {
    const chunks = preloaded();
    expect(chunks.length).toBeGreaterThan(3);
    for (const chunk of chunks) {
      // Chunks are named by their first module: the model's schemas, money, the sheet rules and
      // the bundle documents are the screens' own.
      expect(chunk, chunk).not.toMatch(/^(schemas|money|sheet|documents)-/);
      const source = readFileSync(join(ASSETS, chunk), 'utf8');
      expect(source.includes('DecimalError'), `${chunk} holds decimal.js`).toBe(false);
    }
  });
});
