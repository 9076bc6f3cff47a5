/**
 * One form by its kind, from what the record holds (`jiebang print`, `jiebang verify-print`, the
 * app's print actions): a form that needs what is not given is refused with a sentence saying what.
 */
import { blockingOfDecision } from '../decision/check';
import { parseMoneyInput } from '../money';
import type { PanelDecision, ReviewPackage } from '../model';
import { DECISION_LABELS, PACKAGE_LABELS } from '../model/labels';
import { unprintableSentences } from '../rules/print';
import type { AggregateResult } from '../scoring/aggregate';
import {
  blankSheetForm,
  feesForm,
  opinionForm,
  pledgeForm,
  signInForm,
  summaryForm,
} from './forms';
import { compactCode, normaliseId } from '../text/normalize';
import { FORM_LABEL, FormKindSchema, type FormKind, type FormLayout } from './layout';

export interface FormInputs {
  pkg: ReviewPackage;
  /** The aggregation of the panel's sheets (the 评分汇总表, the 专家组意见). */
  agg?: AggregateResult;
  decision?: PanelDecision;
  /** 专家评审费 per expert id, in 元. */
  fees?: Readonly<Record<string, string>>;
  idDigits?: Readonly<Record<string, string>>;
}

/**
 * What a form's PDF could not print (`missing`, as the renderer reports it), said field by field
 * of the package and the decision the form was made from (`unprintableSentences`, the task book's
 * sentence): `jiebang print` and the chair's print buttons alike.
 */
export const formUnprintable = (input: FormInputs, missing: readonly string[]): string[] =>
  unprintableSentences(missing, [
    { doc: input.pkg, labels: PACKAGE_LABELS },
    ...(input.decision ? [{ doc: input.decision, labels: DECISION_LABELS }] : []),
  ]);

export type BuiltForm = { ok: true; layout: FormLayout } | { ok: false; message: string };

export function buildForm(form: FormKind, input: FormInputs): BuiltForm {
  const { pkg, agg, decision } = input;
  const need = (what: string): BuiltForm => ({
    ok: false,
    message: `打印${FORM_LABEL[form]}需要${what}`,
  });
  switch (form) {
    case 'sign-in':
      return { ok: true, layout: signInForm(pkg) };
    case 'pledge':
      return { ok: true, layout: pledgeForm(pkg) };
    case 'blank-sheet':
      return { ok: true, layout: blankSheetForm(pkg) };
    case 'summary':
      return agg ? { ok: true, layout: summaryForm(pkg, agg, decision) } : need('专家评分表');
    case 'opinion': {
      if (!agg) return need('专家评分表');
      if (!decision) return need('专家组意见（决定）');
      // A 专家组意见 the rules still block is not put on paper for members to sign (every door
      // prints through here: the desk, `jiebang print opinion`).
      const blocking = blockingOfDecision(decision, pkg, agg);
      if (blocking.length > 0)
        return {
          ok: false,
          message: `专家组意见尚有 ${blocking.length} 个须解决的问题，解决后方可打印：${blocking.map((f) => f.message).join('；')}`,
        };
      return { ok: true, layout: opinionForm(pkg, agg, decision) };
    }
    case 'fees':
      return { ok: true, layout: feesForm(pkg, input.fees ?? {}, input.idDigits ?? {}) };
  }
}

/** A form kind as typed: its code (`summary`) or its Chinese name (评分汇总表). */
export function formKindOf(text: string): FormKind | null {
  const t = text.trim();
  const byCode = FormKindSchema.safeParse(t);
  if (byCode.success) return byCode.data;
  for (const k of FormKindSchema.options)
    if (FORM_LABEL[k] === t || FORM_LABEL[k].startsWith(t)) return k;
  return null;
}

/** A form's code as typed from paper (as `compactCode` reads it) or read from its QR code. */
export function parseFormCode(
  input: string,
): { code: string; form?: FormKind; packageId?: string } | null {
  const text = normaliseId(input);
  const qr = /^jiebang:form:([a-z-]+):([^:\s]+):([0-9a-fA-F\s-]+)$/.exec(text);
  const code = compactCode(qr?.[3] ?? text);
  if (!/^[0-9a-f]{64}$/.test(code)) return null;
  if (!qr) return { code };
  const form = FormKindSchema.safeParse(qr[1]);
  return form.success && qr[2] ? { code, form: form.data, packageId: qr[2] } : null;
}

export type FormCheck = { match: true; layout: FormLayout } | { match: false; reason: string };

/**
 * Whether a printed code is one of the forms the record makes now (every form that can be built
 * from `input`): the same comparison for `jiebang verify-print` and the 核验打印件 screen.
 */
export function compareForm(
  printed: { code: string; form?: FormKind; packageId?: string },
  input: FormInputs,
): FormCheck {
  if (printed.packageId !== undefined && printed.packageId !== input.pkg.packageId)
    return {
      match: false,
      reason: `打印件属于评审包 ${printed.packageId}，不是 ${input.pkg.packageId}`,
    };
  const kinds = printed.form ? [printed.form] : FormKindSchema.options;
  for (const kind of kinds) {
    const built = buildForm(kind, input);
    if (built.ok && built.layout.code === printed.code)
      return { match: true, layout: built.layout };
  }
  return {
    match: false,
    reason: `打印件与此评审包的${printed.form ? FORM_LABEL[printed.form] : '任何表格'}均不符（内容被改动，或评分表、决定不是同一版本）`,
  };
}

/**
 * A 专家评审费 as typed (元, as the bureau or secretary enters it: `jiebang print fees --fee
 * E01=1500`, the chair's 评审费 field): digits as `parseMoneyInput` reads them (full-width,
 * 1,500), 元 after them allowed, to the fen (2 decimals); `''` is none (the amount is written by
 * hand on the form). A minus, scientific notation (1e3) or a misplaced separator is refused in
 * the money reader's words, as every amount door says it.
 */
export function readFee(
  raw: string,
): { ok: true; value: string | null } | { ok: false; message: string } {
  const text = raw.trim().replace(/\s*元$/u, '');
  const read = parseMoneyInput(text);
  if (read.ok && (read.value === null || !/\.\d{3}/u.test(read.value))) return read;
  // A minus, scientific notation, a misplaced separator: the money reader's own sentence, as at
  // every amount door; what speaks of 万元 is said of the fee in 元.
  if (!read.ok && read.reason === 'unit-free') return { ok: false, message: read.message };
  return {
    ok: false,
    message: `“${raw.trim()}”不是评审费金额：以元计，只填数字（如 1500 或 1,500.50）`,
  };
}

/** Every expert of the panel the same fee (the chair's field), or none. */
export const sameFeeForAll = (pkg: ReviewPackage, fee: string | null): Record<string, string> =>
  fee === null ? {} : Object.fromEntries(pkg.panel.experts.map((e) => [e.id, fee]));
