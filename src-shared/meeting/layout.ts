/**
 * The meeting's paper (issue 19) as pure layout data: every form a review meeting prints and signs
 * is a `FormLayout` — sections (each starts a new page) of blocks (headings, paragraphs, tables,
 * signature lines, blank lines for handwriting). src-main/pdf/form-document.tsx draws any layout
 * with the task book's fonts and line breaking; nothing about a form's content lives there.
 *
 * Each form carries a verification code: the SHA-256 of the canonical JSON (RFC 8785) of
 * `{ packageId, form, content }` where `content` is what the form shows (its sections), or, for a
 * blank form (签到表, 保密承诺书及回避声明, 空白评分表), `{ packageSha256 }`: the package's own hash.
 * A scanned signed copy is tied to its record by recomputing the form from the record.
 */
import { z } from 'zod';
import { canonicalHash } from '../canonical';

export const FormKindSchema = z.enum([
  'sign-in',
  'pledge',
  'blank-sheet',
  'summary',
  'opinion',
  'fees',
]);
export type FormKind = z.infer<typeof FormKindSchema>;

/** The form's name as the meeting calls it, and its English name (CLI: `jiebang print FORM`). */
export const FORM_LABEL: Record<FormKind, string> = {
  'sign-in': '签到表',
  pledge: '保密承诺书及回避声明',
  'blank-sheet': '评分表（空白）',
  summary: '评分汇总表',
  opinion: '专家组意见',
  fees: '专家评审费签收表',
};

/** Forms whose content depends only on the package (their code hashes the package). */
export const BLANK_FORMS: readonly FormKind[] = ['sign-in', 'pledge', 'blank-sheet'];

const Line = z.string().max(20_000);

export const BlockSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('heading'), text: Line }).strict(),
  z.object({ kind: z.literal('para'), text: Line, bold: z.boolean().optional() }).strict(),
  z
    .object({
      kind: z.literal('table'),
      /** Column widths in per cent of the text width (they add up to 100). */
      widths: z.array(z.number().positive().max(100)).min(1).max(40),
      head: z.array(Line).min(1).max(40),
      rows: z.array(z.array(Line).max(40)).max(2000),
      /** Type size of the cells (points): small for wide tables. */
      size: z.number().min(6).max(12).optional(),
      /** Row height for handwriting (points), e.g. a signature column. */
      minRowHeight: z.number().min(0).max(200).optional(),
    })
    .strict(),
  /** A signature line per person: 「<who> 签字：＿＿＿ 日期：＿年＿月＿日」. */
  z.object({ kind: z.literal('signatures'), who: z.array(Line).max(200) }).strict(),
  /** Blank ruled lines for handwriting (comments). */
  z.object({ kind: z.literal('blank-lines'), count: z.number().int().min(1).max(40) }).strict(),
]);
export type Block = z.infer<typeof BlockSchema>;

export const FormLayoutSchema = z
  .object({
    form: FormKindSchema,
    packageId: z.string().max(200),
    /** The document title (PDF metadata and the first heading). */
    title: Line,
    orientation: z.enum(['portrait', 'landscape']),
    /** Each section starts on a new page (an expert's pledge, an applicant's blank sheet). */
    sections: z.array(z.array(BlockSchema).max(500)).min(1).max(500),
    code: z.string().regex(/^[0-9a-f]{64}$/),
    qrText: z.string().max(300),
  })
  .strict();
export type FormLayout = z.infer<typeof FormLayoutSchema>;

/** What a form's code hashes: the package id, the form kind and what the form shows. */
export function formCode(packageId: string, form: FormKind, content: unknown): string {
  return canonicalHash({ packageId, form, content });
}

/** What the QR code holds: `jiebang:form:<kind>:<packageId>:<code>`. */
export const formQrText = (form: FormKind, packageId: string, code: string): string =>
  `jiebang:form:${form}:${packageId}:${code}`;

/** Assembles a layout and its code (see the module doc for what the code covers). */
export function formLayout(input: {
  form: FormKind;
  packageId: string;
  title: string;
  orientation: FormLayout['orientation'];
  sections: Block[][];
  /** For a blank form: the package's hash, which the code covers instead of the sections. */
  packageSha256?: string;
}): FormLayout {
  const content =
    input.packageSha256 !== undefined ? { packageSha256: input.packageSha256 } : input.sections;
  const code = formCode(input.packageId, input.form, content);
  return {
    form: input.form,
    packageId: input.packageId,
    title: input.title,
    orientation: input.orientation,
    sections: input.sections,
    code,
    qrText: formQrText(input.form, input.packageId, code),
  };
}
