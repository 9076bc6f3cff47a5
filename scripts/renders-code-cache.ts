/**
 * The last step of `npm run build:cli`, after scripts/cli-code-cache.ts: writes V8's code cache
 * beside each chunk of the render commands' CommonJS build (out/node/renders/**\/*.cjs.cache;
 * src-main/cli/code-cache.ts reads it, as it does the other commands'). Renders the sample task
 * book with the built CLI and `JIEBANG_WRITE_CODE_CACHE=1`, so that each chunk's cache holds the
 * functions the first layout ran (fontkit's reading of a face, the text engine, yoga's loader,
 * pdfkit's writer), not only the chunks' top levels (issue 22). The other commands that render
 * (`print`, `package sign`) use the caches of the chunks they share and compile the rest as
 * before. Exit 1 when the render fails or writes to stderr.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CLI = 'bin/jiebang.cjs';

const dir = await mkdtemp(join(tmpdir(), 'jb-renders-cache-'));
try {
  const args = ['render-taskbook', 'resources/sample/taskbook.json', '-o', join(dir, 'tb.pdf')];
  const run = spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    env: { ...process.env, JIEBANG_WRITE_CODE_CACHE: '1' },
  });
  if (run.status !== 0 || run.stderr !== '') {
    process.stderr.write(
      `renders-code-cache: jiebang ${args[0]} failed\n${run.stderr}${run.stdout}`,
    );
    process.exit(1);
  }
  const written = (await readdir('out/node/renders', { recursive: true })).filter((f) =>
    f.endsWith('.cache'),
  );
  process.stdout.write(`renders-code-cache: ${written.length} chunks' code cache written\n`);
} finally {
  await rm(dir, { recursive: true, force: true });
}
