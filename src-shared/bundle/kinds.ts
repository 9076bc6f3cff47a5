/**
 * The kinds of bundle, one entry each: its payload files and their schemas, who may and who must
 * sign it, what it may be about (its subject), what it answers, which keys the import policy
 * trusts for it, and its own cross-checks. Every door — `openBundle` (verify, unpack, every
 * import), `buildBundle`, `checkImport`, the CLI and the 文件包核验 screen — reads this table, so
 * adding a kind is adding one entry here (docs/bundles.md, "Adding a kind").
 */
import type { z } from 'zod';
import {
  fingerprint,
  PUBLIC_KEY_PROBLEM,
  publicKeyFromPem,
  publicKeyProblem,
} from '../crypto/keys';
import type { PanelDecisionSchema } from '../model/decision';
import type { SheetSource } from '../decision/gather';
import { parseStrictJson } from '../io/strict-json';
import { FORM_LABEL } from '../award/form-label';
import { SHEET_STATUS_LABEL } from '../model/labels/choices';
import { formatDateZh } from '../text/date';
import type { TranscribedSheet } from './documents';
import { sameScanWarnings, type KeptScan } from '../io/scan';
import {
  ASSESSMENT_LABELS,
  ASSIGNMENT_LABELS,
  DECISION_LABELS,
  type FieldLabels,
  PACKAGE_LABELS,
  PATHS_ONLY,
  PROJECT_FORM_LABELS,
  RACE_LABELS,
  SHEET_LABELS,
  TASKBOOK_LABELS,
} from '../model/labels';
import { describeSchemaIssues } from '../model/labels/describe';
import type { Manifest } from './manifest';
import {
  describeSubject,
  ROLE_LABEL,
  sameSubject,
  type SignerRole,
  type Subject,
  type SubjectType,
  SCAN_EXTENSIONS,
} from './terms';
import type { Check, OpenedCommon, OpenResult } from './types';

/**
 * How the import policy (trust.ts) decides whose signatures count:
 * - `bureau`: every signer is the bureau's pinned key (pinned on first import, compared with paper);
 * - `bureau-rotation`: signed by the pinned key and by the new key it hands over to;
 * - `panel`: signers on the current review package's panel (a panel result's author is its chair);
 * - `team`: people first seen here (inspection teams, task-book parties), whose keys may not change.
 */
export type TrustRule = 'bureau' | 'bureau-rotation' | 'panel' | 'team';

export interface FileRule {
  pattern: RegExp;
  /** For docs and messages. */
  what: string;
}

/** What a kind's own check may use. */
export interface KindContext {
  manifest: Manifest;
  /**
   * The payload, every file already verified against SHA256SUMS. Every content file (JSON, inner
   * bundles) is here; a bundle opened as a stream leaves out large opaque ones (attachments,
   * photos, scans): ask `sizes` whether a file is there.
   */
  files: ReadonlyMap<string, Uint8Array>;
  /** Every payload file's size in bytes. */
  sizes: ReadonlyMap<string, number>;
  /** Each payload file's SHA-256 (hex), as SHA256SUMS lists it. */
  hashes: ReadonlyMap<string, string>;
  /** Opens a bundle held inside this one (nesting stops at one level). */
  openInner: (bytes: Uint8Array) => Promise<OpenResult>;
  isNested: boolean;
}

export type KindCheck<X> =
  | { ok: true; extra: X; checks?: Check[]; inner?: OpenedBundle[] }
  | { ok: false; code: 'bad-payload' | 'inner-bundle'; message: string };

export interface KindDef<K extends string, D, X> {
  kind: K;
  label: string;
  labelEn: string;
  /** What the bundle is for and what it answers, in a sentence (docs, `jiebang verify`). */
  purpose: string;
  /** Which manifest formats may carry it (kinds added after format 1: `[2]`). */
  formats: readonly (1 | 2)[];
  /** The main document. */
  main: string;
  /**
   * The main document's schema, from the module that defines it, loaded when a bundle of this
   * kind is first built or opened: `jiebang verify` of a sheet builds the sheet's schema, not
   * every kind's (issue 22). The registry remembers it (one load per kind and process).
   */
  schema: () => Promise<z.ZodType<D>>;
  /**
   * The schema's `safeParse` with a fast check in front of it, the same result (a sheet's 2,000
   * scores: `parseScoreSheet`); without it, the schema's own.
   */
  read?: () => Promise<(raw: unknown) => z.ZodSafeParseResult<D>>;
  /**
   * The main document's field labels (src-shared/model/labels/), so that a bad document in a
   * bundle names its fields as the forms and the readers do (`issuesOf`); `PATHS_ONLY` for a
   * document no form names.
   */
  labels: FieldLabels;
  /** Every other payload file it may hold. */
  files: readonly FileRule[];
  /** Roles that may sign. */
  roles: readonly SignerRole[];
  /** Each group needs at least one signer with one of its roles. */
  requires: readonly (readonly SignerRole[])[];
  minSigners: number;
  maxSigners: number;
  /** Subject types a format-2 manifest may name (format 1 always names a package). */
  subjects: readonly SubjectType[];
  /** Kinds it may answer (cite in `answers`). */
  answers: readonly string[];
  trust: TrustRule;
  /** Whether the document says it is about `subject`: null, or what disagrees. */
  agrees: (doc: D, subject: Subject) => string | null;
  /** Cross-checks of the document against the manifest and the other files. */
  check: (doc: D, ctx: KindContext) => KindCheck<X> | Promise<KindCheck<X>>;
  /** One line for people (`jiebang verify`, 文件包核验). */
  summary: (doc: D, extra: X) => string;
}

export interface Opened<K extends string, D, X> extends OpenedCommon {
  kind: K;
  document: D;
  /** What the kind's own check found (a panel result's transcribed paper sheets). */
  extra: X;
  /** One line for people about the document (the kind's `summary`). */
  summary: string;
}

export type Accepted<O> =
  | {
      ok: true;
      /** The opened bundle, typed by kind, from what every kind has. */
      make: (common: OpenedCommon) => O;
      checks: Check[];
      inner: OpenedBundle[];
    }
  | { ok: false; code: 'bad-payload' | 'inner-bundle'; message: string };

function defineKind<const K extends string, D, X>(def: KindDef<K, D, X>) {
  let loaded: Promise<z.ZodType<D>> | undefined;
  const schema = (): Promise<z.ZodType<D>> => (loaded ??= def.schema());
  let reader: Promise<(raw: unknown) => z.ZodSafeParseResult<D>> | undefined;
  const read = (): Promise<(raw: unknown) => z.ZodSafeParseResult<D>> =>
    (reader ??= def.read ? def.read() : schema().then((s) => (raw: unknown) => s.safeParse(raw)));
  return {
    ...def,
    schema,
    /**
     * Validates the main document, that it is about the manifest's subject, and runs the kind's
     * checks: the same call when a bundle is built and when it is opened.
     */
    accept: async (raw: unknown, ctx: KindContext): Promise<Accepted<Opened<K, D, X>>> => {
      const parsed = (await read())(raw);
      if (!parsed.success)
        return {
          ok: false,
          code: 'bad-payload',
          message: `${def.main} 格式错误：${issuesOf(parsed.error, def.labels)}`,
        };
      const document = parsed.data;
      const disagreement = def.agrees(document, ctx.manifest.subject);
      if (disagreement) return { ok: false, code: 'bad-payload', message: disagreement };
      const checked = await def.check(document, ctx);
      if (!checked.ok) return checked;
      const { extra } = checked;
      return {
        ok: true,
        make: (common) => ({
          ...common,
          kind: def.kind,
          document,
          extra,
          summary: def.summary(document, extra),
        }),
        checks: checked.checks ?? [],
        inner: checked.inner ?? [],
      };
    },
  };
}

export function issuesOf(error: z.ZodError, labels: FieldLabels): string {
  return describeSchemaIssues({ issues: error.issues.slice(0, 5) }, labels).join('；');
}

const none = { ok: true, extra: {} } as const;

const taskBookSubject =
  (label: string) =>
  (doc: { taskBookId: string }, s: Subject): string | null =>
    s.type === 'task-book' && s.id === doc.taskBookId
      ? null
      : `${label}的任务书编号 ${doc.taskBookId} 与清单的对象（${s.type} ${s.id}）不一致`;

const packageSubject =
  (label: string) =>
  (doc: { packageId: string }, s: Subject): string | null => {
    if (s.type === 'package' && s.id === doc.packageId) return null;
    if (s.type === 'applicant' && s.packageId === doc.packageId) return null;
    return `${label}的评审包编号 ${doc.packageId} 与清单的对象（${s.type} ${s.id}）不一致`;
  };

/** Files the document registers by path and SHA-256 (attachments, photos) are there and match. */
function registered(
  ctx: KindContext,
  refs: readonly { path: string; sha256: string; size?: number; name?: string }[],
  what: string,
): string | null {
  for (const r of refs) {
    const size = ctx.sizes.get(r.path);
    const label = r.name ? `${r.path}（${r.name}）` : r.path;
    if (size === undefined) return `缺少${what}：${label}`;
    if (ctx.hashes.get(r.path) !== r.sha256 || (r.size !== undefined && size !== r.size))
      return `${what}与登记不符：${label}`;
  }
  return null;
}

function parseJsonFile<T>(
  ctx: KindContext,
  path: string,
  schema: z.ZodType<T>,
): { ok: true; value: T } | { ok: false; message: string } {
  let raw: unknown;
  try {
    raw = parseStrictJson(new TextDecoder('utf-8', { fatal: true }).decode(ctx.files.get(path)));
  } catch (error) {
    return {
      ok: false,
      message: `${path} 不是有效的 JSON：${error instanceof Error ? error.message : String(error)}`,
    };
  }
  const parsed = schema.safeParse(raw);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, message: `${path} 格式错误：${issuesOf(parsed.error, PATHS_ONLY)}` };
}

const SCAN_PATTERN = new RegExp(
  `^paper/([A-Za-z0-9][A-Za-z0-9._-]{0,63})\\.(${SCAN_EXTENSIONS.join('|')})$`,
);
const TRANSCRIBED_PATTERN = /^paper\/([A-Za-z0-9][A-Za-z0-9._-]{0,63})\.json$/;
const INNER_SHEET_PATTERN = /^sheets\/[A-Za-z0-9._-]+\.jbx$/;

/**
 * The transcribed paper sheets of a panel result as every door lists them (`jiebang verify`, the
 * bureau's ingest): 「1 份转录评分表，各附签字原件扫描件（哈希一致）：E05（纸质评分表转录，录入 …，复核 …；
 * 扫描件 paper/E05.pdf SHA-256 …）」.
 */
export function transcribedListing(transcribed: readonly TranscribedSheet[]): string {
  return `${transcribed.length} 份转录评分表，各附签字原件扫描件（哈希一致）：${transcribed
    .map(
      (t) =>
        `${t.sheet.expertId}（纸质评分表转录，录入 ${t.transcribedBy}${t.checkedBy ? `，复核 ${t.checkedBy}` : ''}；扫描件 ${t.scan.path} SHA-256 ${t.scan.sha256}）`,
    )
    .join('；')}`;
}

/** The transcribed sheets' scans, as `sameScanWarnings` compares them. */
export const transcribedScans = (transcribed: readonly TranscribedSheet[]): KeptScan[] =>
  transcribed.map((t) => ({
    expertId: t.sheet.expertId,
    sha256: t.scan.sha256,
    scanName: t.scan.path,
  }));

/** A panel result's inner sheet bundles and transcribed paper sheets (with their scans). */
async function checkPanel(
  decision: z.infer<typeof PanelDecisionSchema>,
  ctx: KindContext,
): Promise<KindCheck<{ transcribed: TranscribedSheet[] }>> {
  const inner: OpenedBundle[] = [];
  const electronic = new Set<string>();
  const checks: Check[] = [];
  const fail = (message: string, code: 'inner-bundle' | 'bad-payload' = 'inner-bundle') =>
    ({ ok: false, code, message }) as const;
  for (const [path, bytes] of ctx.files) {
    if (!INNER_SHEET_PATTERN.test(path)) continue;
    if (ctx.isNested) return fail('评审结果不能嵌套');
    const result = await ctx.openInner(bytes);
    if (!result.ok) return fail(`${path}：${result.error.message}`);
    const b = result.bundle;
    if (b.kind !== 'expert-sheets') return fail(`${path} 不是专家评分表`);
    if (b.document.packageId !== decision.packageId) return fail(`${path} 属于另一个评审包`);
    if (!ctx.manifest.answers.some((a) => a.manifestSha256 === b.manifestSha256))
      return fail(`${path} 未在清单的 answers 中登记`);
    inner.push(b);
    electronic.add(b.document.expertId);
  }
  const sheetAnswers = ctx.manifest.answers.filter((a) => a.kind === 'expert-sheets');
  if (sheetAnswers.length !== inner.length)
    return fail(`清单登记 ${sheetAnswers.length} 份评分表，实际 ${inner.length} 份`);
  if (inner.length > 0)
    checks.push({
      name: '内嵌评分表',
      ok: true,
      detail: `${inner.length} 份专家评分表各自签名有效、未被改动`,
    });

  const transcribed: TranscribedSheet[] = [];
  const scans = new Set([...ctx.sizes.keys()].filter((p) => SCAN_PATTERN.test(p)));
  for (const path of ctx.sizes.keys()) {
    const m = TRANSCRIBED_PATTERN.exec(path);
    if (!m) continue;
    const parsed = parseJsonFile(ctx, path, (await import('./documents')).TranscribedSheetSchema);
    if (!parsed.ok) return fail(parsed.message, 'bad-payload');
    const t = parsed.value;
    if (t.sheet.expertId !== m[1])
      return fail(`${path} 转录的是专家 ${t.sheet.expertId} 的评分表，与文件名不符`, 'bad-payload');
    if (t.sheet.packageId !== decision.packageId)
      return fail(`${path} 属于另一个评审包（${t.sheet.packageId}）`, 'bad-payload');
    if (electronic.has(t.sheet.expertId))
      return fail(`专家 ${t.sheet.expertId} 既有电子评分表又有纸质评分表转录`, 'bad-payload');
    if (SCAN_PATTERN.exec(t.scan.path)?.[1] !== m[1])
      return fail(
        `${path} 的扫描件路径 ${t.scan.path} 应为 paper/${m[1]}.pdf|jpg|png`,
        'bad-payload',
      );
    if (!ctx.sizes.has(t.scan.path))
      return fail(`缺少纸质评分表扫描件：${t.scan.path}`, 'bad-payload');
    if (ctx.hashes.get(t.scan.path) !== t.scan.sha256)
      return fail(`纸质评分表扫描件与转录记录的哈希不符：${t.scan.path}`, 'bad-payload');
    scans.delete(t.scan.path);
    transcribed.push(t);
  }
  const [orphan] = scans;
  if (orphan) return fail(`扫描件没有对应的转录评分表：${orphan}`, 'bad-payload');
  if (transcribed.length > 0)
    checks.push({
      name: '纸质评分表',
      ok: true,
      detail: transcribedListing(transcribed),
    });
  // One scan for several experts' sheets: the chair's sentence, at every door (io/scan.ts).
  for (const detail of sameScanWarnings(transcribedScans(transcribed)))
    checks.push({ name: '纸质评分表扫描件', ok: true, warning: true, detail });
  return { ok: true, extra: { transcribed }, checks, inner };
}

export const KINDS = {
  'review-package': defineKind({
    kind: 'review-package',
    label: '评审包',
    labelEn: 'review package',
    purpose:
      '市科技局发给评审专家的评审包：榜单、揭榜方及其申报材料、专家名单、评分细则（第十二条（五））。',
    formats: [1, 2],
    main: 'package.json',
    schema: () => import('../model/package').then((m) => m.ReviewPackageSchema),
    labels: PACKAGE_LABELS,
    files: [{ pattern: /^attachments\/[A-Za-z0-9._-]+$/, what: '申报材料附件' }],
    roles: ['bureau'],
    requires: [['bureau']],
    minSigners: 1,
    maxSigners: 1,
    subjects: ['package'],
    answers: [],
    trust: 'bureau',
    agrees: packageSubject('评审包'),
    check: (pkg, ctx) => {
      const problem = registered(
        ctx,
        pkg.applicants.flatMap((a) => a.attachments),
        '评审包附件',
      );
      return problem ? { ok: false, code: 'bad-payload', message: problem } : none;
    },
    summary: (pkg) =>
      `${pkg.title}；揭榜方 ${pkg.applicants.length} 家；专家 ${pkg.panel.experts.length} 名`,
  }),
  'expert-sheets': defineKind({
    kind: 'expert-sheets',
    label: '专家评分表',
    labelEn: 'expert score sheet',
    purpose: '一位评审专家签名的评分表（含回避声明），回应评审包（第十二条（五），第七条）。',
    formats: [1, 2],
    main: 'sheet.json',
    schema: () => import('../model/sheet').then((m) => m.ScoreSheetSchema),
    read: () => import('../model/sheet-read').then((m) => m.parseScoreSheet),
    labels: SHEET_LABELS,
    files: [{ pattern: /^audit\.json$/, what: '审计日志' }],
    roles: ['expert', 'chair'],
    requires: [['expert', 'chair']],
    minSigners: 1,
    maxSigners: 1,
    subjects: ['package'],
    answers: ['review-package'],
    trust: 'panel',
    agrees: packageSubject('评分表'),
    check: (sheet, ctx) =>
      sheet.expertId === ctx.manifest.signers[0].id
        ? none
        : {
            ok: false,
            code: 'bad-payload',
            message: `评分表属于专家 ${sheet.expertId}，签名者却是 ${ctx.manifest.signers[0].id}`,
          },
    summary: (sheet) => {
      const scored = sheet.scores.filter((s) => !s.recusal).length;
      return `专家 ${sheet.expertId}：评分 ${scored} 家，回避 ${sheet.scores.length - scored} 家（${SHEET_STATUS_LABEL[sheet.status]}）`;
    },
  }),
  'panel-result': defineKind({
    kind: 'panel-result',
    label: '专家组评审结果',
    labelEn: 'panel result',
    purpose:
      '专家组组长签名的评审结果（揭榜方建议名单、核定经费、专家组意见），内含每位专家原样签名的评分表文件包，以及纸质评分表的转录与签字原件扫描件（第十二条（五））。',
    formats: [1, 2],
    main: 'decision.json',
    schema: () => import('../model/decision').then((m) => m.PanelDecisionSchema),
    labels: DECISION_LABELS,
    files: [
      { pattern: INNER_SHEET_PATTERN, what: '专家评分表文件包（原样）' },
      { pattern: TRANSCRIBED_PATTERN, what: '纸质评分表转录' },
      { pattern: SCAN_PATTERN, what: '纸质评分表签字原件扫描件' },
      { pattern: /^audit\.json$/, what: '审计日志' },
    ],
    roles: ['chair', 'expert'],
    requires: [['chair']],
    minSigners: 1,
    maxSigners: 16,
    subjects: ['package'],
    answers: ['review-package', 'expert-sheets'],
    trust: 'panel',
    agrees: packageSubject('评审结果'),
    check: checkPanel,
    summary: (d, extra) =>
      `揭榜方建议名单：${d.recommendedIds.join('、')}；核定经费总额 ${d.approvedTotal} 万元${extra.transcribed.length > 0 ? `；纸质评分表 ${extra.transcribed.length} 份` : ''}`,
  }),
  'inspection-report': defineKind({
    kind: 'inspection-report',
    label: '实地考察报告',
    labelEn: 'inspection report',
    purpose:
      '考察组（每位成员各自签名）的实地考察报告、检查表、现场照片与报告 PDF，回应市科技局的考察任务；对象可为批次的榜单（评榜，第十二条（二）），尚无评审包时亦可。',
    formats: [1, 2],
    main: 'report.json',
    schema: () => import('../model/lifecycle').then((m) => m.AnyInspectionReportSchema),
    labels: PATHS_ONLY,
    files: [
      { pattern: /^photos\/[A-Za-z0-9._-]+$/, what: '现场照片' },
      { pattern: /^report\.pdf$/, what: '考察报告 PDF（A4，含检查表、照片与签名栏）' },
      { pattern: /^audit\.json$/, what: '审计日志' },
    ],
    roles: ['inspector'],
    requires: [['inspector']],
    minSigners: 1,
    maxSigners: 16,
    subjects: ['round', 'demand', 'package', 'applicant', 'task-book'],
    answers: ['inspection-assignment'],
    trust: 'team',
    agrees: (r, s) => {
      if (r.formatVersion === 1)
        return s.type === 'applicant' && (s.packageId !== r.packageId || s.id !== r.applicantId)
          ? `考察报告针对揭榜方 ${r.applicantId}（${r.packageId}），清单却是 ${s.id}（${s.packageId}）`
          : packageSubject('考察报告')(r, s);
      return sameSubject(r.subject, s)
        ? null
        : `考察报告的对象（${describeSubject(r.subject)}）与清单的对象（${describeSubject(s)}）不一致`;
    },
    check: (r, ctx) => {
      const fail = (message: string) => ({ ok: false, code: 'bad-payload', message }) as const;
      const problem = registered(ctx, r.photos, '现场照片');
      if (problem) return fail(problem);
      // The first report document named inspectors by name only and answered no assignment.
      if (r.formatVersion === 1) return none;
      const listed = new Set(r.photos.map((p) => p.path));
      const extra = [...ctx.files.keys()].find((p) => p.startsWith('photos/') && !listed.has(p));
      if (extra) return fail(`照片 ${extra} 未在考察报告中登记`);
      const team = new Map(r.inspectors.map((i) => [i.id, i.name]));
      for (const s of ctx.manifest.signers)
        if (!team.has(s.id)) return fail(`签名者 ${s.name}（${s.id}）不在报告的考察组名单中`);
      const signed = new Set(ctx.manifest.signers.map((s) => s.id));
      const unsigned = r.inspectors.find((i) => !signed.has(i.id));
      if (unsigned) return fail(`考察组成员 ${unsigned.name}（${unsigned.id}）未签名`);
      if (!ctx.manifest.answers.some((a) => a.kind === 'inspection-assignment'))
        return fail(
          '考察报告须回应一份实地考察任务（清单的 answers 中没有 inspection-assignment）',
        );
      return none;
    },
    summary: (r) =>
      r.formatVersion === 1
        ? `${r.site}，${formatDateZh(r.date)}；考察人员 ${r.inspectors.join('、')}（格式 1，未回应考察任务）`
        : `${describeSubject(r.subject)}；${r.site}，${formatDateZh(r.date)}；考察人员 ${r.inspectors.map((i) => i.name).join('、')}；检查项 ${r.checklist.length} 项，照片 ${r.photos.length} 张`,
  }),
  'task-book': defineKind({
    kind: 'task-book',
    label: '项目任务书',
    labelEn: 'task book',
    purpose:
      '项目任务书（军令状）及其 PDF，由市科技局或专家组组长签名，可由发榜方、揭榜方共同签名（第十二条（七），第十五条）。',
    formats: [1, 2],
    main: 'taskbook.json',
    schema: () => import('../model/taskbook').then((m) => m.TaskBookSchema),
    labels: TASKBOOK_LABELS,
    files: [
      { pattern: /^taskbook\.pdf$/, what: '任务书 PDF' },
      { pattern: /^audit\.json$/, what: '审计日志' },
    ],
    roles: ['bureau', 'chair', 'issuer', 'solver'],
    requires: [['bureau', 'chair']],
    minSigners: 1,
    maxSigners: 16,
    subjects: ['task-book', 'package'],
    answers: ['panel-result'],
    trust: 'team',
    agrees: (tb, s) =>
      s.type === 'task-book'
        ? s.id === tb.taskBookId
          ? null
          : `任务书编号 ${tb.taskBookId} 与清单的对象 ${s.id} 不一致`
        : packageSubject('任务书')(tb, s),
    check: () => none,
    summary: (tb) => `${tb.title}（${tb.status === 'draft' ? '草稿' : '定稿'}）`,
  }),
  calendar: defineKind({
    kind: 'calendar',
    label: '工作日日历',
    labelEn: 'working-day calendar',
    purpose:
      '市科技局签名的一年法定节假日与调休上班日（国务院办公厅通知），用于公示期等工作日计算（第十二条（六））。',
    formats: [2],
    main: 'calendar.json',
    schema: () => import('../calendar/calendar').then((m) => m.CalendarFileSchema),
    labels: PATHS_ONLY,
    files: [],
    roles: ['bureau'],
    requires: [['bureau']],
    minSigners: 1,
    maxSigners: 1,
    subjects: ['year'],
    answers: [],
    trust: 'bureau',
    agrees: (cal, s) => {
      const [only, ...more] = cal.years;
      if (!only || more.length > 0) return '日历文件包只含一个年度的日历';
      return s.type === 'year' && s.id === String(only.year)
        ? null
        : `日历年度 ${only.year} 与清单的对象 ${s.id} 不一致`;
    },
    check: () => none,
    summary: (cal) =>
      cal.years
        .map(
          (y) =>
            `${y.year} 年：放假 ${y.holidays.length} 天，调休上班 ${y.workdays.length} 天（${y.source}）`,
        )
        .join('；'),
  }),
  'key-rotation': defineKind({
    kind: 'key-rotation',
    label: '签名密钥更换',
    labelEn: 'key rotation',
    purpose:
      '市科技局更换签名密钥：新公钥由旧密钥与新密钥共同签名；已固定旧密钥的安装据此改为固定新密钥。',
    formats: [2],
    main: 'rotation.json',
    schema: () => import('./documents').then((m) => m.KeyRotationSchema),
    labels: PATHS_ONLY,
    files: [],
    roles: ['bureau'],
    requires: [['bureau']],
    minSigners: 2,
    maxSigners: 2,
    subjects: ['key'],
    answers: [],
    trust: 'bureau-rotation',
    agrees: (r, s) =>
      s.type === 'key' && s.id === r.previous.fingerprint
        ? null
        : '密钥更换的对象应为被更换的旧密钥指纹',
    check: (r, ctx) => {
      const fail = (message: string) => ({ ok: false, code: 'bad-payload', message }) as const;
      const key = publicKeyFromPem(r.next.publicKeyPem);
      if (!key) return fail('rotation.json 中的新公钥不是 Ed25519 公钥（SPKI PEM）');
      const problem = publicKeyProblem(key);
      if (problem) return fail(`新公钥${PUBLIC_KEY_PROBLEM[problem]}`);
      if (fingerprint(key) !== r.next.fingerprint) return fail('新公钥与其登记的指纹不符');
      if (r.next.fingerprint === r.previous.fingerprint) return fail('新旧密钥相同');
      const signed = new Set(ctx.manifest.signers.map((s) => s.fingerprint));
      if (!signed.has(r.previous.fingerprint)) return fail('密钥更换须由旧密钥签名');
      if (!signed.has(r.next.fingerprint)) return fail('密钥更换须由新密钥签名（证明持有新私钥）');
      return none;
    },
    summary: (r) =>
      `旧密钥 ${r.previous.fingerprint.slice(0, 16)}… → 新密钥 ${r.next.fingerprint.slice(0, 16)}…，${formatDateZh(r.effectiveFrom)}起`,
  }),
  'inspection-assignment': defineKind({
    kind: 'inspection-assignment',
    label: '实地考察任务',
    labelEn: 'inspection assignment',
    purpose:
      '市科技局签发的实地考察任务（对象、地点、考察组、期限、核查要点）；考察报告回应它（第十二条（一）（二））。',
    formats: [2],
    main: 'assignment.json',
    schema: () => import('./documents').then((m) => m.InspectionAssignmentSchema),
    labels: ASSIGNMENT_LABELS,
    files: [],
    roles: ['bureau'],
    requires: [['bureau']],
    minSigners: 1,
    maxSigners: 1,
    subjects: ['round', 'demand', 'package', 'applicant', 'task-book'],
    answers: [],
    trust: 'bureau',
    agrees: (a, s) => (sameSubject(a.subject, s) ? null : '考察任务的对象与清单不一致'),
    check: () => none,
    summary: (a) =>
      `${a.sites.map((s) => s.name).join('、')}；考察组 ${a.team.map((m) => m.name).join('、')}；${formatDateZh(a.dueBy)}前完成`,
  }),
  'milestone-assessment': defineKind({
    kind: 'milestone-assessment',
    label: '里程碑考核',
    labelEn: 'milestone assessment',
    purpose:
      '一个里程碑的考核：各项指标的目标与完成情况、证明材料、结论及对该阶段拨付的影响；由考核专家与发榜方技术负责人签名，市科技局审定签名（第十二条（八）3，第十四条，第五条）。',
    formats: [2],
    main: 'assessment.json',
    schema: () => import('../award/documents').then((m) => m.MilestoneAssessmentFormSchema),
    labels: ASSESSMENT_LABELS,
    files: [
      { pattern: /^evidence\/[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/, what: '证明材料' },
      { pattern: /^audit\.json$/, what: '审计日志' },
    ],
    roles: ['assessor', 'issuer', 'bureau'],
    requires: [['assessor'], ['issuer'], ['bureau']],
    minSigners: 3,
    maxSigners: 16,
    subjects: ['task-book'],
    answers: ['task-book'],
    trust: 'team',
    agrees: taskBookSubject('里程碑考核'),
    check: (a, ctx) => {
      const problem = registered(ctx, a.evidence, '证明材料');
      return problem ? { ok: false, code: 'bad-payload', message: problem } : none;
    },
    summary: (a) =>
      `任务书 ${a.taskBookId} 里程碑 ${a.milestoneId}：${a.passed ? '通过' : '未通过'}，${{ released: '拨付', held: '暂缓拨付', reduced: '核减拨付' }[a.effect]} ${a.released}/${a.tranche} 万元`,
  }),
  'race-choice': defineKind({
    kind: 'race-choice',
    label: '赛马择优',
    labelEn: 'horse-race choice',
    purpose:
      '“赛马”阶段各揭榜方的考核并列比较与择优支持的 1 家，由市科技局会同发榜方签名（第十三条（三），第十二条（七））。',
    formats: [2],
    main: 'race.json',
    schema: () => import('../award/documents').then((m) => m.RaceChoiceSchema),
    labels: RACE_LABELS,
    files: [{ pattern: /^audit\.json$/, what: '审计日志' }],
    roles: ['assessor', 'issuer', 'bureau'],
    requires: [['issuer'], ['bureau']],
    minSigners: 2,
    maxSigners: 16,
    subjects: ['task-book'],
    answers: ['task-book'],
    trust: 'team',
    agrees: taskBookSubject('赛马择优'),
    check: (c) =>
      c.solvers.some((s) => s.applicantId === c.chosenId)
        ? none
        : {
            ok: false,
            code: 'bad-payload',
            message: `择优支持的 ${c.chosenId} 不在赛马揭榜方之中`,
          },
    summary: (c) =>
      `任务书 ${c.taskBookId}：${c.solvers.map((s) => `${s.applicantId} ${s.score} 分`).join('，')}；择优支持 ${c.chosenId}`,
  }),
  'project-form': defineKind({
    kind: 'project-form',
    label: '项目实施表单',
    labelEn: 'project form',
    purpose:
      '变更申请（第十八条）、延期申请（第十九条）由揭榜方签名；终止或撤销（第十七条）、验收（第十二条（九），第二十条）由市科技局会同发榜方签名。',
    formats: [2],
    main: 'form.json',
    schema: () => import('../award/documents').then((m) => m.ProjectFormSchema),
    labels: PROJECT_FORM_LABELS,
    files: [{ pattern: /^audit\.json$/, what: '审计日志' }],
    roles: ['solver', 'issuer', 'bureau'],
    requires: [],
    minSigners: 1,
    maxSigners: 16,
    subjects: ['task-book'],
    answers: ['task-book'],
    trust: 'team',
    agrees: taskBookSubject('表单'),
    check: (f, ctx) => {
      const roles = new Set(ctx.manifest.signers.map((s) => s.role));
      const need: readonly SignerRole[] =
        f.form === 'change' || f.form === 'extension' ? ['solver'] : ['bureau', 'issuer'];
      const missing = need.filter((r) => !roles.has(r));
      return missing.length === 0
        ? none
        : {
            ok: false,
            code: 'bad-payload',
            message: `${FORM_LABEL[f.form]}须由${missing.map((r) => ROLE_LABEL[r]).join('、')}签名`,
          };
    },
    summary: (f) => `${FORM_LABEL[f.form]}（任务书 ${f.taskBookId}，${f.formId}）`,
  }),
} as const;

export type Kinds = typeof KINDS;
export type BundleKind = keyof Kinds;

export const isBundleKind = (value: unknown): value is BundleKind =>
  typeof value === 'string' && Object.hasOwn(KINDS, value);

/**
 * A bundle of another kind than the one a door takes, in the kinds' own labels (the ids —
 * `review-package` — are no words of the measures): 「这不是专家组评审结果文件包，而是评审包文件包」.
 * Every door that refuses a bundle by its kind says it with this (the bureau's ingest, a calendar's
 * import, the CLI's sheet, assignment and report doors).
 */
export const notKindText = (wanted: BundleKind, given: BundleKind): string =>
  notKindLabelText(KINDS[wanted].label, KINDS[given].label);

/**
 * The same sentence from labels, for a door that takes more than one kind or names a kind more
 * closely (`jiebang print`: 「这不是里程碑考核或验收文件包，而是评审包文件包」).
 */
export const notKindLabelText = (wanted: string, given: string): string =>
  `这不是${wanted}文件包，而是${given}文件包`;

/** The kinds, in registry order. */
export const BUNDLE_KINDS: readonly BundleKind[] = Object.keys(KINDS).filter(isBundleKind);

/** The main document's type for a kind. */
export type DocumentOf<K extends BundleKind> = z.output<Awaited<ReturnType<Kinds[K]['schema']>>>;

type ExtraOf<E> = E extends { summary: (doc: never, extra: infer X) => string } ? X : never;

/** An opened, verified bundle, typed by kind. */
export type OpenedBundle = {
  [K in BundleKind]: Opened<K, DocumentOf<K>, ExtraOf<Kinds[K]>>;
}[BundleKind];

/**
 * Every sheet a panel result rests on, in the order the bundle holds them, each with its standing
 * and named by the file (`file`): each inner sheet bundle's sheet (signed by its expert), then
 * each transcribed paper sheet (beside its scan) — what `checkPanelDecision` and `gatherSheets`
 * are given for a panel bundle at every door (`jiebang check`/`export`/`print PANEL.jbx`, the
 * bureau's ingest, the forms' verification).
 */
export function panelResultSources(
  b: Extract<OpenedBundle, { kind: 'panel-result' }>,
  file: string,
): SheetSource[] {
  return [
    ...b.inner.flatMap((x) =>
      x.kind === 'expert-sheets'
        ? [
            {
              sheet: x.document,
              origin: `${file}：${x.document.expertId}`,
              standing: 'signed' as const,
            },
          ]
        : [],
    ),
    ...b.extra.transcribed.map((t) => ({
      sheet: t.sheet,
      origin: `${file}：纸质 ${t.sheet.expertId}`,
      standing: 'paper' as const,
      paper: {
        transcribedBy: t.transcribedBy,
        ...(t.checkedBy ? { checkedBy: t.checkedBy } : {}),
        scan: { path: t.scan.path, sha256: t.scan.sha256 },
      },
    })),
  ];
}
