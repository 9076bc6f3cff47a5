import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { TaskBookSchema } from '../../src-shared/model';
import { capLines } from '../../src-shared/io';
import { checkTaskBook, invisibleRemoved } from '../../src-shared/rules';
import { TASKBOOK_LABELS } from '../../src-shared/model/labels';
import { describeSchemaIssues } from '../../src-shared/scoring';
import { taskBookCode } from '../../src-shared/taskbook';
import { writeFileAtomic } from '../fs/atomic-write';
import { describeFileError } from '../fs/errors';
import { readJsonDocument } from './io';
import { CliUsageError, missingArguments, type CliCommand } from './types';

export const renderTaskbookCommand: CliCommand = {
  usage: `jiebang render-taskbook FILE.json -o OUT.pdf [--draft]

Renders the task book (任务书/军令状) as an A4 PDF with embedded Noto Serif SC / Noto Sans SC
subsets: cover, numbered sections, milestone table, signature and seal blocks for every party,
「草稿」 on drafts, 第X页 共Y页, and a verification block with the SHA-256 of the canonical JSON and
its QR code. Rule findings are printed as warnings (a draft may still be incomplete), a
character no print font has among them, named with its field as jiebang check names it.`,
  run: async (args, io) => {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { out: { type: 'string', short: 'o' }, draft: { type: 'boolean' } },
    });
    const [file] = positionals;
    if (file === undefined || values.out === undefined)
      throw missingArguments('jiebang render-taskbook FILE.json -o OUT.pdf');
    const raw = await readJsonDocument(io.cwd, file, 'task-book');
    // Invisible characters removed as the file is read: said the same whether it is refused or not.
    const removed = invisibleRemoved(raw, TASKBOOK_LABELS).map((f) => `i ${f.message}\n`);
    const parsed = TaskBookSchema.safeParse(raw);
    if (!parsed.success) {
      for (const line of removed) io.err(line);
      throw new CliUsageError(
        `${file} 不是有效的任务书：\n  ${capLines(describeSchemaIssues(parsed.error, TASKBOOK_LABELS)).join('\n  ')}`,
      );
    }
    // --draft prints a final task book as a draft (「草稿」) for review copies.
    const tb = values.draft ? { ...parsed.data, status: 'draft' as const } : parsed.data;
    // A character no print font has is one of these findings, named with its field, as
    // `jiebang check` and the editor name it (src-shared/rules/print.ts).
    for (const line of removed) io.err(line);
    for (const f of checkTaskBook(tb))
      io.err(`${f.severity === 'blocking' ? '✗' : '!'} ${f.message}\n`);
    // React and react-pdf's reconciler (loaded from node_modules, not bundled) pick their
    // production builds by NODE_ENV as they load: set it, unless given, before the PDF stack is
    // imported (issue 22; the PDF worker gets the same, src-main/pdf/pool.ts).
    process.env.NODE_ENV ??= 'production';
    const { renderJob } = await import('../pdf/jobs');
    const { bytes: pdf } = await renderJob({ kind: 'taskbook', tb });
    try {
      await writeFileAtomic(resolve(io.cwd, values.out), pdf);
    } catch (error) {
      throw new CliUsageError(describeFileError(error, values.out));
    }
    io.out(
      `已排版：${values.out}（${pdf.byteLength} 字节${tb.status === 'draft' ? '，草稿' : ''}）\n核验码：${taskBookCode(tb)}\n`,
    );
    return 0;
  },
};
