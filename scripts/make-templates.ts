/**
 * Writes the bureau's list templates (resources/templates/*.xlsx: headers with notes, drop-down
 * lists, the default rubric of 第十二条（五）) and the same workbooks filled with the bundled sample
 * (resources/templates/sample/), from the one description of the tables
 * (src-shared/bureau/tables.ts). A unit test reads the shipped files back and compares them with
 * what this script makes, so they never drift from the reader.
 * Run: npx tsx scripts/make-templates.ts
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tablesFromPackage, templateTables } from '../src-shared/bureau';
import { readJson } from '../src-shared/io';
import { ReviewPackageSchema } from '../src-shared/model';
import { workbooksOf } from '../src-main/xlsx/tables';

const OUT = 'resources/templates';

async function main(): Promise<void> {
  const read = readJson(
    await readFile('resources/sample/review-package.json'),
    'review-package.json',
  );
  if (!read.ok) throw new Error(read.message);
  const sample = ReviewPackageSchema.parse(read.value);
  await mkdir(join(OUT, 'sample'), { recursive: true });
  for (const [name, bytes] of await workbooksOf(templateTables()))
    await writeFile(join(OUT, `${name}.xlsx`), bytes);
  for (const [name, bytes] of await workbooksOf(tablesFromPackage(sample)))
    await writeFile(join(OUT, 'sample', `${name}.xlsx`), bytes);
  process.stdout.write(`written: ${OUT}/*.xlsx, ${OUT}/sample/*.xlsx\n`);
}

await main();
