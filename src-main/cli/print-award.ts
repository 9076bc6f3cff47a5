import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  AcceptanceFormSchema,
  acceptancePrint,
  assessmentPrint,
  MilestoneAssessmentFormSchema,
  ProjectFormSchema,
  awardUnprintable,
  type PrintedForm,
  type PrintedSource,
  type PrintSigner,
} from '../../src-shared/award';
import { KINDS, notKindLabelText, openBundle, ROLE_LABEL } from '../../src-shared/bundle';
import { FORM_LABEL } from '../../src-shared/award/form-label';
import { documentKindOf } from '../../src-shared/model/document-kind';
import { capLines, readJson } from '../../src-shared/io';
import { FIELD_LABELS } from '../../src-shared/model/labels';
import { describeSchemaIssues } from '../../src-shared/scoring';
import { nodeCrypto } from '../crypto/node-crypto';
import { writeFileAtomic } from '../fs/atomic-write';
import { describeFileError } from '../fs/errors';
import { ageKeyOptions, ageKeys } from './bundle-io';
import { isBundle, readBounded } from './io';
import {
  CliUsageError,
  missingArguments,
  usageOf,
  type CliCommand,
  type CliOption,
  type CommandHelp,
} from './types';

/** An assessment with its evidence, or a form: well under this. */
const PRINT_INPUT_BYTES = 64 * 1024 * 1024;

const WHAT = 'print 排版里程碑考核表与验收结论表（其文件包或 JSON）';

/** The kinds `jiebang print FILE` renders, as a bundle of another kind is told. */
const PRINTED = `${KINDS['milestone-assessment'].label}或${FORM_LABEL.acceptance}`;

/** A form as printed and the document it is printed from (its fields name what cannot print). */
interface Printed {
  form: PrintedForm;
  source: PrintedSource;
}

/** The form a JSON document or a verified bundle holds, with its signers (none for JSON). */
async function formOf(
  bytes: Uint8Array,
  file: string,
  keys: Awaited<ReturnType<typeof ageKeys>>,
): Promise<Printed> {
  // A bundle by its bytes, as every command tells one (an age file of any version too, so that
  // one of another version is named by the bundle reader, never decoded as text).
  if (isBundle(bytes)) {
    const opened = await openBundle(bytes, { crypto: nodeCrypto, keys });
    if (!opened.ok) throw new CliUsageError(`${file}：文件包校验失败：${opened.error.message}`);
    const b = opened.bundle;
    const signers: PrintSigner[] = b.manifest.signers.map((s) => ({
      role: ROLE_LABEL[s.role],
      name: s.name,
      fingerprint: s.fingerprint,
    }));
    if (b.kind === 'milestone-assessment')
      return {
        form: assessmentPrint(b.document, signers),
        source: { type: 'assessment', doc: b.document },
      };
    if (b.kind === 'project-form' && b.document.form === 'acceptance')
      return {
        form: acceptancePrint(b.document, signers),
        source: { type: 'acceptance', doc: b.document },
      };
    // The kind's label, never its summary (a title, an assignment's description).
    const given =
      b.kind === 'project-form'
        ? `${FORM_LABEL[b.document.form]}（${KINDS['project-form'].label}）`
        : KINDS[b.kind].label;
    throw new CliUsageError(`${file}：${notKindLabelText(PRINTED, given)}；${WHAT}`);
  }
  const read = readJson(bytes, file);
  if (!read.ok) throw new CliUsageError(read.message);
  const raw = read.value;
  const isObject = typeof raw === 'object' && raw !== null;
  if (isObject && 'assessmentId' in raw) {
    const a = MilestoneAssessmentFormSchema.safeParse(raw);
    if (!a.success)
      throw new CliUsageError(
        `${file}：里程碑考核格式错误：\n  ${capLines(describeSchemaIssues(a.error, FIELD_LABELS['milestone-assessment'])).join('\n  ')}`,
      );
    return {
      form: assessmentPrint(a.data, [
        ...a.data.assessors.map((name) => ({ role: '考核专家', name })),
        { role: '发榜方技术负责人', name: a.data.technicalManager },
        { role: '市科技局', name: '' },
      ]),
      source: { type: 'assessment', doc: a.data },
    };
  }
  const f = ProjectFormSchema.safeParse(raw);
  if (isObject && 'formId' in raw && !f.success)
    throw new CliUsageError(
      `${file}：表单格式错误：\n  ${capLines(describeSchemaIssues(f.error, FIELD_LABELS['project-form'])).join('\n  ')}`,
    );
  const acc = AcceptanceFormSchema.safeParse(raw);
  if (acc.success)
    return {
      form: acceptancePrint(acc.data, [
        { role: '市科技局', name: '' },
        { role: '发榜方', name: '' },
      ]),
      source: { type: 'acceptance', doc: acc.data },
    };
  const detected = documentKindOf(raw);
  throw new CliUsageError(
    `${file}：${detected ? `这是${detected.label}，` : ''}不是里程碑考核或验收表；${WHAT}`,
  );
}

/** The options of a document after the award (`jiebang print FILE`), declared here once. */
export const awardPrintOptions = {
  out: { type: 'string', short: 'o', value: 'OUT.pdf', help: 'the PDF to write' },
  ...ageKeyOptions,
} satisfies Record<string, CliOption>;

/** `jiebang print FILE`'s help (also listed by `jiebang print --help`). */
export const awardPrintHelp: CommandHelp = {
  synopsis: `jiebang print FILE -o OUT.pdf [--identity KEY | --passphrase-file F]`,
  about: `Renders a milestone assessment (里程碑考核表, 第十二条（八）3, 第十四条) or an acceptance form
(验收结论表, 第十二条（九）, 第二十条) as an A4 PDF for wet signatures: each indicator's target and
result, the effect on the tranche, the outcome and its consequences, and a signature line per
signer. FILE is the signed bundle (verified first; each signer's key fingerprint is printed) or
the JSON document (blank signature lines).`,
  options: awardPrintOptions,
};

export const awardPrintCommand: CliCommand = {
  usage: usageOf(awardPrintHelp),
  run: async (args, io) => {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: awardPrintOptions,
    });
    const [file] = positionals;
    if (file === undefined || values.out === undefined)
      throw missingArguments('jiebang print FILE -o OUT.pdf');
    const keys = await ageKeys(io.cwd, values.identity, values['passphrase-file']);
    const { form, source } = await formOf(
      await readBounded(io.cwd, file, PRINT_INPUT_BYTES),
      file,
      keys,
    );
    const { renderNoticePdf } = await import('../pdf/notice');
    const { bytes, missing } = await renderNoticePdf(form);
    for (const line of awardUnprintable(source, missing)) io.err(`! ${line}\n`);
    try {
      await writeFileAtomic(resolve(io.cwd, values.out), bytes);
    } catch (error) {
      throw new CliUsageError(describeFileError(error, values.out));
    }
    io.out(`已排版：${values.out}（${form.title}，${bytes.byteLength} 字节）\n`);
    return 0;
  },
};
