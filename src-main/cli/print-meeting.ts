import { parseArgs } from 'node:util';
import {
  buildForm,
  formInputsOf,
  formUnprintable,
  formKindOf,
  FORM_LABEL,
  readFee,
  type FormInputs,
} from '../../src-shared/meeting';
import type { ReviewPackage } from '../../src-shared/model';
import { renderJob } from '../pdf/jobs';
import { ageKeyOptions } from './bundle-io';
import { writeOutput } from './io';
import { formRecord } from './panel-inputs';
import {
  CliUsageError,
  missingArguments,
  usageOf,
  type CliCommand,
  type CliOption,
  type CommandHelp,
} from './types';

const USAGE = 'jiebang print FORM --package PKG [SHEET…|PANEL.jbx] [--decision D.json] -o OUT.pdf';

/** `--fee E01=1500` (元) and `--id-digits E01=1234`, each expert of the roster. */
function perExpert(
  pkg: ReviewPackage,
  pairs: readonly string[],
  option: string,
  check: (value: string) => { ok: true; value: string } | { ok: false; message: string },
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of pairs) {
    const m = /^([^=]+)=(.*)$/.exec(pair);
    const id = m?.[1]?.trim() ?? '';
    if (!m || !pkg.panel.experts.some((e) => e.id === id))
      throw new CliUsageError(`--${option} ${pair}：应为 专家编号=值，且专家在评审包的专家名单中`);
    const read = check(m[2]?.trim() ?? '');
    if (!read.ok) throw new CliUsageError(`--${option} ${pair}：${read.message}`);
    out[id] = read.value;
  }
  return out;
}

export async function formInputs(
  cwd: string,
  pkgPath: string,
  files: readonly string[],
  opts: { decision?: string; identity?: string; passphraseFile?: string },
): Promise<FormInputs> {
  // The same validation as every door: a refused sheet is named, and nothing is printed.
  const inputs = formInputsOf(await formRecord(cwd, pkgPath, files, opts));
  if (!inputs.ok) throw new CliUsageError(`${inputs.reason}，未打印。`);
  return inputs.input;
}

/** The options of a meeting form (`jiebang print FORM`), declared here once. */
export const meetingPrintOptions = {
  out: { type: 'string', short: 'o', value: 'OUT.pdf', help: 'the PDF to write' },
  package: { type: 'string', value: 'PKG', help: 'the review package (its JSON or signed bundle)' },
  decision: {
    type: 'string',
    value: 'D.json',
    help: 'the panel decision, when no panel bundle carries it (opinion)',
  },
  fee: {
    type: 'string',
    multiple: true,
    value: 'E01=1500',
    help: 'an expert’s fee in 元, as the bureau enters it (fees)',
  },
  'id-digits': {
    type: 'string',
    multiple: true,
    value: 'E01=1234',
    help: 'the last four characters of an expert’s ID number (fees, optional)',
  },
  ...ageKeyOptions,
} satisfies Record<string, CliOption>;

/** `jiebang print FORM`'s help (also listed by `jiebang print --help`). */
export const meetingPrintHelp: CommandHelp = {
  synopsis: `${USAGE} [--fee E01=1500 …] [--id-digits E01=1234 …]`,
  about: `Prints a form of the review meeting as an A4 PDF (the task book's fonts and line breaking), with
its verification code and QR code (SHA-256 of the canonical JSON of the package id, the form and
what it shows; for a blank form, of the package's own hash):
  sign-in     签到表 (roster, affiliation, expertise, signature and time columns)
  pledge      保密承诺书及回避声明, one page per expert (the seven kinds of conflict, 第七条)
  blank-sheet 空白评分表, one page per applicant (rubric, maxima, guidance bands, comment lines)
  summary     评分汇总表 (needs the sheets; the same summaryTable() as score and export)
  opinion     专家组意见 (needs the sheets and the decision: a panel bundle, or --decision)
  fees        专家评审费签收表 (--fee EXPERT=元 as the bureau enters them; --id-digits optional)
FORM may also be given by its Chinese name. Sheets are validated as at every door.`,
  options: meetingPrintOptions,
};

export const meetingPrintCommand: CliCommand = {
  usage: usageOf(meetingPrintHelp),
  run: async (args, io) => {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: meetingPrintOptions,
    });
    const [formText, ...files] = positionals;
    if (formText === undefined || values.package === undefined || values.out === undefined)
      throw missingArguments(USAGE);
    const form = formKindOf(formText);
    if (!form)
      throw new CliUsageError(
        `没有表格「${formText}」：可打印 sign-in、pledge、blank-sheet、summary、opinion、fees`,
      );
    const input = await formInputs(io.cwd, values.package, files, {
      ...(values.decision !== undefined ? { decision: values.decision } : {}),
      ...(values.identity !== undefined ? { identity: values.identity } : {}),
      ...(values['passphrase-file'] !== undefined
        ? { passphraseFile: values['passphrase-file'] }
        : {}),
    });
    // The one fee reader of the chair's field (readFee → parseMoneyInput): its sentence, not ours.
    const fees = perExpert(input.pkg, values.fee ?? [], 'fee', (v) => {
      const m = readFee(v);
      if (!m.ok) return m;
      return m.value === null
        ? { ok: false, message: '未填写评审费金额' }
        : { ok: true, value: m.value };
    });
    const idDigits = perExpert(input.pkg, values['id-digits'] ?? [], 'id-digits', (v) =>
      /^[0-9Xx]{4}$/.test(v)
        ? { ok: true, value: v.toUpperCase() }
        : { ok: false, message: `“${v}”不是身份证号码的后四位（4 位数字，末位可为 X）` },
    );
    const inputs = { ...input, fees, idDigits };
    const built = buildForm(form, inputs);
    if (!built.ok) throw new CliUsageError(`${built.message}，未打印。`);
    const { bytes, missing } = await renderJob({ kind: 'form', layout: built.layout });
    for (const line of formUnprintable(inputs, missing)) io.err(`! ${line}\n`);
    await writeOutput(io.cwd, values.out, bytes);
    io.out(
      `已排版：${values.out}（${FORM_LABEL[form]}，${bytes.byteLength} 字节）\n核验码：${built.layout.code}\n`,
    );
    return 0;
  },
};
