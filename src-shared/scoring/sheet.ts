/** Validation and totals of one expert's sheet. Pure; messages in Chinese, in place for the UI. */
import { dec, onStep, sum, type Dec } from '../money';
import { finding, type Finding } from '../rules/finding';
import { checkSuggestedFunding } from '../rules/funding';
import { decimalPlaces, LIMIT } from './aggregate-fast';
import { parseScoreSheet } from '../model/sheet-read';
import { parsePlainDecimal, stripInvisible, toHalfWidthDigits } from '../text/normalize';
import { SHEET_LABELS } from '../model/labels';
import {
  describeSchemaIssue,
  describeSchemaIssues,
  type SchemaIssue,
} from '../model/labels/describe';
import {
  type ApplicantScore,
  type Criterion,
  type ReviewPackage,
  RECUSAL_LABEL,
  type Rubric,
  type ScoreSheet,
} from '../model';

/** Sheets are scored by the panel of 第十二条（五）. */
const SHEET_ARTICLE = '第十二条（五）';

/** A problem with one cell (a criterion's points or comment) or one applicant's entry. */
export interface CellIssue {
  applicantId: string;
  /** The criterion the issue sits on, or undefined for the applicant as a whole. */
  criterionId?: string;
  field:
    | 'points'
    | 'comment'
    | 'opinion'
    | 'deviationReason'
    | 'recusal'
    | 'funding'
    | 'missing'
    | 'unknown'
    | 'sheet';
  message: string;
  /** The article the message already cites, where it is not the sheet's 第十二条（五） (建议经费). */
  article?: string;
}

/** A problem with a sheet, named down to the cell: expert, applicant, criterion. */
export interface SheetIssue extends CellIssue {
  expertId: string;
}

/** The applicant's total: the sum of points, or of points × weight when the rubric has weights. */
export function applicantTotal(score: ApplicantScore, rubric: Rubric): Dec {
  const byId = new Map(score.criteria.map((c) => [c.criterionId, c.points]));
  return sum(
    rubric.criteria.map((c) => {
      const points = byId.get(c.id) ?? 0;
      return dec(points).times(c.weight ?? 1);
    }),
  );
}

/** The largest possible total. */
export function maxTotal(rubric: Rubric): Dec {
  return sum(rubric.criteria.map((c) => dec(c.maxPoints).times(c.weight ?? 1)));
}

/**
 * Whether the applicant's total is below `bound`: `applicantTotal(score, rubric).lt(bound)`, the
 * same answer, taken on integers when every figure is a short decimal (`decimalPlaces`: points,
 * weights and bound scaled to integers below 2^51, as `aggregateFast` does) and by the decimal
 * total otherwise. `sheet.test.ts` compares the two on random scores.
 */
export function totalBelow(score: ApplicantScore, rubric: Rubric, bound: number): boolean {
  return totalBelowOf(new Map(score.criteria.map((c) => [c.criterionId, c])), score, rubric, bound);
}

/** `totalBelow` with the entry's criteria by id, as `scoreIssues` has them already. */
function totalBelowOf(
  byId: ReadonlyMap<string, { points: number }>,
  score: ApplicantScore,
  rubric: Rubric,
  bound: number,
): boolean {
  return totalBelowOnIntegers(byId, rubric, bound) ?? applicantTotal(score, rubric).lt(bound);
}

/** `totalBelow` on integers, or null where a figure does not scale to one. */
function totalBelowOnIntegers(
  byId: ReadonlyMap<string, { points: number }>,
  rubric: Rubric,
  bound: number,
): boolean | null {
  let pointPlaces = 0;
  let weightPlaces = 0;
  for (const c of rubric.criteria) {
    const p = decimalPlaces(byId.get(c.id)?.points ?? 0);
    const w = decimalPlaces(c.weight ?? 1);
    if (p < 0 || w < 0) return null;
    pointPlaces = Math.max(pointPlaces, p);
    weightPlaces = Math.max(weightPlaces, w);
  }
  const boundPlaces = decimalPlaces(bound);
  if (boundPlaces < 0) return null;
  let total = 0;
  for (const c of rubric.criteria) {
    const p = Math.round((byId.get(c.id)?.points ?? 0) * 10 ** pointPlaces);
    const w = Math.round((c.weight ?? 1) * 10 ** weightPlaces);
    total += p * w;
    if (p * w > LIMIT || total > LIMIT) return null;
  }
  const places = Math.max(pointPlaces + weightPlaces, boundPlaces);
  const left = total * 10 ** (places - pointPlaces - weightPlaces);
  const right = Math.round(bound * 10 ** boundPlaces) * 10 ** (places - boundPlaces);
  if (left > LIMIT || right > LIMIT) return null;
  return left < right;
}

const stepMemo = new Map<number, Map<number, boolean>>();
/** `onStep`, remembered: a panel has few distinct (points, step) pairs and many cells. */
function isOnStep(points: number, step: number): boolean {
  let ofStep = stepMemo.get(step);
  if (!ofStep) {
    ofStep = new Map();
    if (stepMemo.size < 100) stepMemo.set(step, ofStep);
  }
  let hit = ofStep.get(points);
  if (hit === undefined) {
    hit = onStep(points, step);
    if (ofStep.size < 10_000) ofStep.set(points, hit);
  }
  return hit;
}

/**
 * The score one rubric step up (`1`) or down (`-1`) from `points` (↑/↓ in the expert's form): on
 * the criterion's step, within 0…maxPoints, in exact decimals — `0.2` up by `0.1` is `0.3`, never
 * `0.30000000000000004` (which the step check then refuses). An off-step value moves to the
 * nearest step first; with no value yet, ↑ gives one step and ↓ gives 0.
 */
export function stepPoints(
  points: number | undefined,
  direction: 1 | -1,
  criterion: Pick<Criterion, 'step' | 'maxPoints'>,
): number {
  const step = dec(criterion.step);
  const top = dec(criterion.maxPoints).div(step).floor().times(step);
  const next = dec(points ?? 0)
    .plus(step.times(direction))
    .div(step)
    .toDecimalPlaces(0)
    .times(step);
  return Number((next.lt(0) ? dec(0) : next.gt(top) ? top : next).toFixed());
}

function needsComment(criterion: Criterion, points: number, rubric: Rubric): boolean {
  return criterion.requiresComment || points < criterion.maxPoints * rubric.commentBelowFraction;
}

/** Decimal places of a criterion's step as written (0.5 → 1, 0.25 → 2, 1 → 0). */
const stepPlaces = (step: number): number => (String(step).split('.')[1] ?? '').length;

/**
 * THE refusal of a score that is off its criterion's step, quoting the value as typed (or as the
 * number reads, `String(points)`) and the allowed form: 「“揭榜方案可行性”的分值须为 0.5 分的整数倍
 * （最多 1 位小数，如 35 或 35.5；填写的是 35.0000000001）」. Every door says it so: the form, the
 * transcription (which quotes the cell's own text), a JSON sheet, a bundle.
 */
export function offStepSentence(
  criterion: Pick<Criterion, 'name' | 'step' | 'maxPoints'>,
  typed: string,
): string {
  const step = dec(criterion.step);
  const value = /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(typed) ? dec(typed) : null;
  const lower = value ? value.div(step).floor().times(step) : null;
  const upper = lower ? lower.plus(step) : null;
  const examples =
    lower && upper && lower.gte(0)
      ? `，如 ${lower.toFixed()}${upper.lte(criterion.maxPoints) ? ` 或 ${upper.toFixed()}` : ''}`
      : '';
  return `“${criterion.name}”的分值须为 ${criterion.step} 分的整数倍（最多 ${stepPlaces(criterion.step)} 位小数${examples}；填写的是 ${typed}）`;
}

/** THE refusal of a score out of its criterion's range, quoting the value as typed. */
export const outOfRangeSentence = (
  criterion: Pick<Criterion, 'name' | 'maxPoints'>,
  typed: string,
): string =>
  `“${criterion.name}”的分值应在 0 至 ${criterion.maxPoints} 分之间（填写的是 ${typed}）`;

/**
 * A score as typed with more decimal places than its step allows (「35.000000000000000001」,
 * which reads as the number 35): the refusal, or null. Trailing zeros do not count (17.50 is
 * 17.5). The doors that have the text (the transcription's cells) ask this before the number.
 */
export function typedPlacesProblem(
  criterion: Pick<Criterion, 'name' | 'step' | 'maxPoints'>,
  typed: string,
): string | null {
  const places = (typed.trim().split('.')[1] ?? '').replace(/0+$/, '').length;
  return places > stepPlaces(criterion.step) ? offStepSentence(criterion, typed.trim()) : null;
}

/**
 * THE judgement of one criterion's points: the refusal (out of range, then off the step), or null
 * when the points count. `criterionIssues` (so `validateSheet`, every door's check) and the form's
 * running total (`countedTotal`) both ask it, so a value the sheet refuses is never added up.
 */
export function pointsProblem(
  criterion: Pick<Criterion, 'name' | 'step' | 'maxPoints'>,
  points: number,
): string | null {
  if (!Number.isFinite(points) || points < 0 || points > criterion.maxPoints)
    return outOfRangeSentence(criterion, String(points));
  if (!isOnStep(points, criterion.step)) return offStepSentence(criterion, String(points));
  return null;
}

export type TypedPoints = { ok: true; value: number | null } | { ok: false; message: string };

/**
 * A score as typed (the expert's form, a transcribed cell): the one score reader
 * (`parsePlainDecimal`: full-width digits and point as digits, surrounding spaces dropped, only a
 * plain decimal — `1e1`, `0x11`, `十八分` refused), then more decimal places than the step allows
 * (`typedPlacesProblem`: 35.000000000000000001 is refused as typed, never read as 35). `null`:
 * nothing entered. The range and step are `pointsProblem`'s, on the number read.
 */
export function readTypedPoints(
  criterion: Pick<Criterion, 'name' | 'step' | 'maxPoints'>,
  typed: string,
): TypedPoints {
  const read = parsePlainDecimal(typed);
  if (!read.ok || read.value === null) return read;
  const places = typedPlacesProblem(criterion, toHalfWidthDigits(stripInvisible(typed)));
  return places ? { ok: false, message: places } : read;
}

/** A criterion the running total leaves out: not scored yet, or its value refused (the sentence). */
export interface NotCounted {
  criterionId: string;
  name: string;
  /** null: not scored yet; otherwise why its value does not count. */
  problem: string | null;
}

/**
 * The total as the expert's form shows it while typing (合计): `applicantTotal` of the points that
 * `pointsProblem` accepts, and the criteria left out — not scored, out of range or off the step,
 * or (`refused`, by criterion id) holding text the reader refused (`readTypedPoints`), whose
 * earlier value must not linger in the sum. Once every criterion counts it is the total
 * `validateSheet` judges.
 */
export function countedTotal(
  score: ApplicantScore,
  rubric: Rubric,
  refused: Readonly<Record<string, string>> = {},
): { total: Dec; notCounted: NotCounted[] } {
  const byId = new Map(score.criteria.map((c) => [c.criterionId, c]));
  const notCounted: NotCounted[] = [];
  const counted: ApplicantScore['criteria'] = [];
  for (const c of rubric.criteria) {
    const entry = byId.get(c.id);
    const problem =
      refused[c.id] ??
      (entry === undefined || Number.isNaN(entry.points) ? null : pointsProblem(c, entry.points));
    if (entry === undefined || problem !== null || refused[c.id] !== undefined)
      notCounted.push({ criterionId: c.id, name: c.name, problem });
    else counted.push(entry);
  }
  return { total: applicantTotal({ ...score, criteria: counted }, rubric), notCounted };
}

/** Issues with one criterion's points and comment (range, step, required comment). */
export function criterionIssues(
  applicantId: string,
  criterion: Criterion,
  points: number | undefined,
  comment: string,
  rubric: Rubric,
): CellIssue[] {
  if (points === undefined || Number.isNaN(points)) {
    return [
      {
        applicantId,
        criterionId: criterion.id,
        field: 'points',
        message: `请为“${criterion.name}”评分`,
      },
    ];
  }
  const issues: CellIssue[] = [];
  const problem = pointsProblem(criterion, points);
  if (problem !== null)
    issues.push({ applicantId, criterionId: criterion.id, field: 'points', message: problem });
  // Below the fraction is said of points that count: a refused value (-1, 99, 17.3) has its own
  // sentence, and what its comment would need is not known until it is corrected.
  const demanded =
    criterion.requiresComment || (problem === null && needsComment(criterion, points, rubric));
  if (demanded && comment.trim() === '') {
    issues.push({
      applicantId,
      criterionId: criterion.id,
      field: 'comment',
      message: criterion.requiresComment
        ? `“${criterion.name}”须填写评语`
        : `“${criterion.name}”得分低于满分的 ${Math.round(rubric.commentBelowFraction * 100)}%，须填写评语`,
    });
  }
  return issues;
}

/**
 * Whether an entry needs a written reason: every criterion scored and the total below the
 * package's pass score (不予推荐).
 */
export function needsScoreReason(score: ApplicantScore, pkg: ReviewPackage): boolean {
  return needsReasonOf(new Map(score.criteria.map((c) => [c.criterionId, c])), score, pkg);
}

/** `needsScoreReason` with the entry's criteria by id (the later of a criterion named twice). */
function needsReasonOf(
  byId: ReadonlyMap<string, { points: number }>,
  score: ApplicantScore,
  pkg: ReviewPackage,
): boolean {
  const complete = pkg.rubric.criteria.every((c) => byId.has(c.id));
  return complete && totalBelowOf(byId, score, pkg.rubric, pkg.aggregation.passScore);
}

/**
 * The findings on an entry's 建议经费 (`checkSuggestedFunding`, 第十二条（五）, 第十三条): its
 * blocking ones refuse the sheet (`validateSheet`), its warnings are said (`checkScoreSheet`, the
 * form beside the field).
 */
export function suggestedFundingFindings(score: ApplicantScore, pkg: ReviewPackage): Finding[] {
  if (score.suggestedFunding === undefined || score.recusal) return [];
  return checkSuggestedFunding(pkg.demand, score.suggestedFunding, [
    'scores',
    score.applicantId,
    'suggestedFunding',
  ]);
}

/** Every issue of one applicant's entry (range, step, comments, funding, opinion, reason). */
function scoreIssues(
  expertName: string,
  applicant: { id: string; name: string },
  score: ApplicantScore,
  pkg: ReviewPackage,
  criterionIds: ReadonlySet<string>,
): CellIssue[] {
  const issues: CellIssue[] = [];
  if (score.recusal) {
    // 回避 declared and scores given anyway: the scores never count (the aggregation skips a
    // recused entry), and the sheet is refused by name so no door takes it in silently.
    if (score.criteria.length > 0) {
      issues.push({
        applicantId: applicant.id,
        field: 'recusal',
        message: `${expertName}已对${applicant.name}声明回避（${RECUSAL_LABEL[score.recusal.kind]}），却仍对其评分（${score.criteria.map((c) => c.criterionId).join('、')}）：已回避的揭榜方不得评分，这些分值不予计入`,
      });
    }
    return issues;
  }
  const byId = new Map<string, { points: number; comment: string }>();
  for (const c of score.criteria) {
    if (!criterionIds.has(c.criterionId)) {
      issues.push({
        applicantId: applicant.id,
        criterionId: c.criterionId,
        field: 'unknown',
        message: `评分标准中没有指标“${c.criterionId}”`,
      });
    } else if (byId.has(c.criterionId)) {
      issues.push({
        applicantId: applicant.id,
        criterionId: c.criterionId,
        field: 'points',
        message: `指标“${c.criterionId}”评分重复`,
      });
    }
    byId.set(c.criterionId, c);
  }
  for (const criterion of pkg.rubric.criteria) {
    const entry = byId.get(criterion.id);
    issues.push(
      ...criterionIssues(applicant.id, criterion, entry?.points, entry?.comment ?? '', pkg.rubric),
    );
  }
  if (needsReasonOf(byId, score, pkg) && (score.deviationReason ?? '').trim() === '') {
    issues.push({
      applicantId: applicant.id,
      field: 'deviationReason',
      message: `总分 ${applicantTotal(score, pkg.rubric).toFixed()} 低于 ${pkg.aggregation.passScore} 分（不予推荐），须写明理由`,
    });
  }
  for (const f of suggestedFundingFindings(score, pkg))
    if (f.severity === 'blocking')
      issues.push({
        applicantId: applicant.id,
        field: 'funding',
        message: f.message,
        article: f.article,
      });
  if (score.overallOpinion.trim() === '') {
    issues.push({
      applicantId: applicant.id,
      field: 'opinion',
      message: `请填写对“${applicant.name}”的总体意见`,
    });
  }
  return issues;
}

/**
 * Every issue that keeps a sheet from being submitted or counted: the one validation of a sheet
 * against the package and its rubric, used by the expert's form, the chair's import, `jiebang
 * score` (JSON and CSV) and `jiebang check` alike. Each issue names expert, applicant, criterion.
 */
export function validateSheet(sheet: ScoreSheet, pkg: ReviewPackage): SheetIssue[] {
  const expertId = sheet.expertId;
  const expertName = pkg.panel.experts.find((e) => e.id === expertId)?.name ?? expertId;
  const issues: CellIssue[] = [];
  if (sheet.packageId !== pkg.packageId)
    issues.push({
      applicantId: '',
      field: 'sheet',
      message: `评分表属于另一个评审包（${sheet.packageId}），当前评审包为 ${pkg.packageId}`,
    });
  if (!pkg.panel.experts.some((e) => e.id === expertId))
    issues.push({ applicantId: '', field: 'sheet', message: `专家 ${expertId} 不在专家名单中` });
  const seen = new Set<string>();
  const applicantIds = new Set(pkg.applicants.map((a) => a.id));
  const criterionIds = new Set(pkg.rubric.criteria.map((c) => c.id));
  for (const score of sheet.scores) {
    if (!applicantIds.has(score.applicantId))
      issues.push({
        applicantId: score.applicantId,
        field: 'unknown',
        message: `评审包中没有揭榜方“${score.applicantId}”`,
      });
    else if (seen.has(score.applicantId))
      issues.push({
        applicantId: score.applicantId,
        field: 'unknown',
        message: `对揭榜方“${score.applicantId}”的评分重复`,
      });
    seen.add(score.applicantId);
  }
  const byApplicant = new Map(sheet.scores.map((s) => [s.applicantId, s]));
  for (const applicant of pkg.applicants) {
    const score = byApplicant.get(applicant.id);
    if (!score) {
      issues.push({
        applicantId: applicant.id,
        field: 'missing',
        message: `尚未评审：${applicant.name}`,
      });
      continue;
    }
    issues.push(...scoreIssues(expertName, applicant, score, pkg, criterionIds));
  }
  return issues.map((i) => ({ expertId, ...i }));
}

/**
 * A score sheet judged as every door judges it (`jiebang check` on its own): each rubric issue of
 * `validateSheet` blocking, named to its cell; and a sheet not yet submitted said to count nowhere
 * (the chair's import, `jiebang score` and the panel's gathering refuse a draft), 第十二条（五）.
 */
export function checkScoreSheet(sheet: ScoreSheet, pkg: ReviewPackage): Finding[] {
  const issues = validateSheet(sheet, pkg).map((i): Finding => {
    const path = [
      ...(i.applicantId ? ['scores', i.applicantId] : []),
      ...(i.criterionId ? [i.criterionId] : []),
    ];
    const message = describeSheetIssue(i, pkg);
    // A funding bound's message cites its own article (第十三条) already.
    return i.article === undefined
      ? finding(`sheet.${i.field}`, SHEET_ARTICLE, 'blocking', message, path)
      : { rule: `sheet.${i.field}`, article: i.article, severity: 'blocking', message, path };
  });
  // 建议经费 beyond the published list: said, not refused (the blocking ones are issues above).
  const applicantIds = new Set(pkg.applicants.map((a) => a.id));
  const warnings = sheet.scores
    .filter((s) => applicantIds.has(s.applicantId))
    .flatMap((s) => suggestedFundingFindings(s, pkg))
    .filter((f) => f.severity === 'warning')
    .map((f) => ({
      ...f,
      message: `专家 ${sheet.expertId} · 揭榜方 ${f.path[1] ?? ''}：${f.message}`,
    }));
  issues.push(...warnings);
  return sheet.status === 'submitted'
    ? issues
    : [
        finding(
          'sheet.status',
          SHEET_ARTICLE,
          'warning',
          `专家 ${sheet.expertId} 的评分表尚未提交（草稿），组长导入和汇总时不予计入`,
          ['status'],
        ),
        ...issues,
      ];
}

/** "专家 E02 · 揭榜方 A01 · 揭榜方资质条件（C1）：…": an issue named down to its cell. */
export function describeSheetIssue(issue: SheetIssue, pkg: ReviewPackage): string {
  const criterion = pkg.rubric.criteria.find((c) => c.id === issue.criterionId);
  const where = [
    `专家 ${issue.expertId}`,
    ...(issue.applicantId ? [`揭榜方 ${issue.applicantId}`] : []),
    ...(issue.criterionId
      ? [criterion ? `${criterion.name}（${criterion.id}）` : issue.criterionId]
      : []),
  ];
  return `${where.join(' · ')}：${issue.message}`;
}

export { describeSchemaIssue, describeSchemaIssues, type SchemaIssue };

export type SheetReading = { ok: true; sheet: ScoreSheet } | { ok: false; problems: string[] };

/**
 * A sheet from any file (JSON, or the document of a sheet bundle): the schema, then
 * `validateSheet`. Problems are named by field or cell; nothing is counted from a refused sheet.
 */
export function readSheet(raw: unknown, pkg: ReviewPackage): SheetReading {
  const parsed = parseScoreSheet(raw);
  if (!parsed.success)
    return { ok: false, problems: describeSchemaIssues(parsed.error, SHEET_LABELS) };
  const issues = validateSheet(parsed.data, pkg);
  return issues.length === 0
    ? { ok: true, sheet: parsed.data }
    : { ok: false, problems: issues.map((i) => describeSheetIssue(i, pkg)) };
}
