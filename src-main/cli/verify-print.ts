import { parseArgs } from 'node:util';
import {
  comparePrinted,
  isJsonText,
  parsePrintedCode,
  readTaskBookFile,
} from '../../src-shared/taskbook';
import { describeFormVerdict, parseFormCode, verifyFormPrint } from '../../src-shared/meeting';
import { printedCodeRefusal } from '../../src-shared/text/normalize';
import { nodeCrypto } from '../crypto/node-crypto';
import { ageKeyOptions, ageKeys } from './bundle-io';
import { readBundleFile } from './bounded';
import { formRecord } from './panel-inputs';
import { CliUsageError, missingArguments, type CliCommand } from './types';

export const verifyPrintCommand: CliCommand = {
  usage: `jiebang verify-print --code CODE FILE [--identity KEY] [--passphrase-file F]
jiebang verify-print --code CODE --package PKG [SHEET…|PANEL.jbx] [--decision D.json]

CODE is the verification code printed on the task book (or read from its QR code). FILE is the
task-book bundle (.jbx, verified first) or its JSON. Says whether the printed copy matches.
With --package (or a form's QR text jiebang:form:…), CODE is a meeting form's code (jiebang
print): the forms are made again from the package, the sheets (a panel bundle, or sheet files)
and the decision, and the command says which form the print is, or that none matches.`,
  run: async (args, io) => {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        code: { type: 'string' },
        ...ageKeyOptions,
        package: { type: 'string' },
        decision: { type: 'string' },
      },
    });
    if (
      values.code !== undefined &&
      (values.package !== undefined || values.code.trim().startsWith('jiebang:form:'))
    ) {
      if (!parseFormCode(values.code))
        throw new CliUsageError(printedCodeRefusal(values.code, 'jiebang:form:…'));
      if (values.package === undefined)
        throw missingArguments('jiebang verify-print --code CODE --package PKG [SHEET…|PANEL.jbx]');
      const record = await formRecord(io.cwd, values.package, positionals, {
        ...(values.decision !== undefined ? { decision: values.decision } : {}),
        ...(values.identity !== undefined ? { identity: values.identity } : {}),
        ...(values['passphrase-file'] !== undefined
          ? { passphraseFile: values['passphrase-file'] }
          : {}),
      });
      // The one comparison the 核验打印件 screen makes too (src-shared/meeting/verify.ts).
      const verdict = verifyFormPrint(values.code, record);
      if (!verdict.ok) throw new CliUsageError(verdict.reason);
      io.out(`${describeFormVerdict(verdict, record.pkg.packageId)}\n`);
      return verdict.check.match ? 0 : 1;
    }
    const [file] = positionals;
    if (file === undefined || values.code === undefined)
      throw missingArguments('jiebang verify-print --code CODE FILE');
    const printed = parsePrintedCode(values.code);
    if (!printed) throw new CliUsageError(printedCodeRefusal(values.code, 'jiebang:taskbook:…'));
    const bytes = await readBundleFile(io.cwd, file);
    const read = await readTaskBookFile(
      bytes,
      nodeCrypto,
      isJsonText(bytes)
        ? undefined
        : await ageKeys(io.cwd, values.identity, values['passphrase-file']),
    );
    if (!read.ok) throw new CliUsageError(`${file}：${read.message}`);
    const { tb } = read;
    const result = comparePrinted(printed, tb);
    if (result.match) {
      io.out(
        `✓ 一致：打印件与任务书 ${tb.taskBookId}（${tb.status === 'draft' ? '草稿' : '定稿'}）相符\n`,
      );
      return 0;
    }
    io.out(
      `✗ 不一致：打印件核验码 ${result.printed}\n  任务书 ${tb.taskBookId} 应为 ${result.expected}\n  ${result.reason}。\n`,
    );
    return 1;
  },
};
