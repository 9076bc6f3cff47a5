import { inBenchPage } from './storage';

/**
 * `npx tsx test/bench/storage-forms.ts [records] [rounds] [forms]` (after `npm run build`): the candidate
 * stored forms of a sealed record side by side in one page (src-renderer/bench/storage-forms.ts),
 * printed as JSON. How the stored form of version 2 was chosen (docs/bench.md).
 */
const n = Number(process.argv[2] ?? 10000);
const rounds = Number(process.argv[3] ?? 5);
const forms = process.argv[4] ?? '';
const result = await inBenchPage(
  'storage-forms.ts',
  'storageForms',
  `window.runStorageForms(${n}, ${rounds}, ${JSON.stringify(forms)}, ${forms === ''})`,
);
console.log(JSON.stringify(result, null, 2));
