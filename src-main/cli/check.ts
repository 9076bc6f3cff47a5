import { parseArgs } from 'node:util';
import {
  checkAwardDocument,
  MilestoneAssessmentFormSchema,
  ProjectFormSchema,
  RaceChoiceSchema,
  type AwardDocument,
} from '../../src-shared/award';
import {
  KINDS,
  notKindText,
  openBundle,
  panelResultSources,
  type OpenedBundle,
} from '../../src-shared/bundle';
import {
  answeredAssignment,
  checkReport,
  currentReport,
  readAssignment,
} from '../../src-shared/inspection';
import { checkPanelDecision, type SheetSource } from '../../src-shared/decision';
import {
  AcceptanceEvaluationSchema,
  ChangeRequestSchema,
  DOCUMENT_KINDS,
  detectDocumentKind,
  ExtensionRequestSchema,
  PanelDecisionSchema,
  ReviewPackageSchema,
  ScoreSheetSchema,
  TaskBookSchema,
  type DocumentKind,
  type PanelDecision,
  type ReviewPackage,
  type TaskBook,
} from '../../src-shared/model';
import {
  checkAcceptanceApplication,
  checkChangeRequest,
  checkExtensionRequest,
  checkReviewPackage,
  checkTaskBook,
  hasBlocking,
  invisibleRemoved,
  type Finding,
} from '../../src-shared/rules';
import { FIELD_LABELS, TASKBOOK_LABELS } from '../../src-shared/model/labels';
import {
  checkScoreSheet,
  describeSchemaIssue,
  describeSchemaIssues,
} from '../../src-shared/scoring';
import { rulesOfTheRest, shapeOfDraft, TaskBookDraftSchema } from '../../src-shared/taskbook';
import { nodeCrypto } from '../crypto/node-crypto';
import { capLines, readJson } from '../../src-shared/io';
import { AWARD_KIND, awardOfBundle, readSignedSet } from './award-set';
import { readBundleFile } from './bounded';
import { ageKeyOptions, ageKeys } from './bundle-io';
import { isBundle, openReviewPackage, readBounded, readJsonDocument, readSheetFiles } from './io';
import { CliUsageError, type CliCommand } from './types';
import { cliDate, cliToday } from './dates';

const SEVERITY_LABEL: Record<Finding['severity'], string> = {
  blocking: '✗ 阻断',
  warning: '! 提示',
  info: 'i 说明',
};

/**
 * Findings as the CLI prints them for people: severity and the message with its article, the
 * sentence the screens show (a score sheet's cell named 「专家 E01 · 揭榜方 A01 · 揭榜方资质条件（C1）」,
 * a task book's field by its form's label). The rule code and the field path (`sheet.points`,
 * `scores.A01.C1`) are for machines: `--json` keeps them.
 */
export const findingLines = (findings: readonly Finding[]): string[] =>
  findings.map((f) => `${SEVERITY_LABEL[f.severity]}  ${f.message}`);

async function loadPackage(
  cwd: string,
  path: string | undefined,
): Promise<{ pkg: ReviewPackage; manifestSha256: string | null } | undefined> {
  if (path === undefined) return undefined;
  return openReviewPackage(cwd, path, `--package ${path}`);
}

/** A JSON document: its kind told by its fields, then its own schema — errors name the field. */
function parseDocument(
  raw: unknown,
  file: string,
  today: string,
): { kind: DocumentKind; label: string; data: unknown } {
  const detected = detectDocumentKind(raw);
  if (!detected)
    throw new CliUsageError(
      `${file}：无法识别的文档，不是${DOCUMENT_KINDS.map((k) => k.label).join('、')}中的任何一种`,
    );
  if (detected.kind === 'inspection-assignment') {
    // The one reading `jiebang inspection assign` signs after: the same sentences, the checklist
    // in the desk's words.
    const read = readAssignment(raw, today);
    if (!read.ok)
      throw new CliUsageError(
        `${file}：${detected.label}${read.malformed ? '格式错误' : '不能签发'}：\n  ${capLines(read.problems).join('\n  ')}`,
      );
    return { kind: detected.kind, label: detected.label, data: read.assignment };
  }
  const parsed = detected.schema.safeParse(raw);
  if (!parsed.success)
    throw new CliUsageError(
      `${file}：${detected.label}格式错误：\n  ${capLines(describeSchemaIssues(parsed.error, FIELD_LABELS[detected.kind])).join('\n  ')}`,
    );
  return { kind: detected.kind, label: detected.label, data: parsed.data };
}

/**
 * A task book whose format refuses a field (a day that does not exist, a bidi control character)
 * is refused as any malformed document is (exit 2), its fields named first — and, when the rest
 * reads as a task book's shape, the rules' findings on the rest after them, as the editor lists
 * them (`rulesOfTheRest`): one refused field does not hide what else is wrong.
 */
function refuseMalformedTaskBook(raw: unknown, file: string, pkg: ReviewPackage | undefined): void {
  const detected = detectDocumentKind(raw);
  if (detected?.kind !== 'task-book') return;
  const parsed = TaskBookSchema.safeParse(raw);
  if (parsed.success) return;
  const shape = TaskBookDraftSchema.safeParse(raw);
  // Not even a task book's shape (a field missing, a number for a text): its fields named alone.
  if (!shape.success) return;
  const labels = FIELD_LABELS[detected.kind];
  const issues = parsed.error.issues.map((i) => ({
    path: i.path.filter((p): p is string | number => typeof p !== 'symbol'),
    message: describeSchemaIssue(i, labels),
  }));
  // Invisible characters are said removed here as when the file is taken (one sentence, both runs).
  const rest = findingLines([
    ...invisibleRemoved(raw, labels),
    ...rulesOfTheRest(shapeOfDraft(shape.data), issues, pkg),
  ]);
  throw new CliUsageError(
    [
      `${file}：${detected.label}格式错误：`,
      ...capLines(issues.map((i) => i.message)).map((l) => `  ${l}`),
      ...(rest.length > 0 ? ['其余各项的规则校验：', ...rest.map((l) => `  ${l}`)] : []),
    ].join('\n'),
  );
}

async function loadTaskBook(cwd: string, path: string | undefined): Promise<TaskBook | undefined> {
  if (path === undefined) return undefined;
  const parsed = TaskBookSchema.safeParse(await readJsonDocument(cwd, path, 'task-book'));
  if (!parsed.success)
    throw new CliUsageError(
      `--taskbook ${path} 不是有效的任务书：\n  ${capLines(describeSchemaIssues(parsed.error, TASKBOOK_LABELS)).join('\n  ')}`,
    );
  return parsed.data;
}

const needPackage = (pkg: ReviewPackage | undefined, what: string): ReviewPackage => {
  if (!pkg) throw new CliUsageError(`校验${what}需要 --package 评审包`);
  return pkg;
};

function decisionFindings(
  decision: PanelDecision,
  pkg: ReviewPackage,
  sheets: readonly SheetSource[],
): Finding[] {
  if (sheets.length === 0)
    throw new CliUsageError(
      '校验专家组意见需要其所依据的评分表：在 --package 之后给出评分表文件（JSON、评分表文件包 .jbx 或纸质评分表 CSV），或校验专家组评审结果文件包',
    );
  return checkPanelDecision(decision, pkg, sheets);
}

/** An inspection report judged against the assignment bundle it answers (第十二条（二）). */
async function inspectionFindings(
  cwd: string,
  report: Extract<OpenedBundle, { kind: 'inspection-report' }>,
  assignmentFile: string | undefined,
  keys: Awaited<ReturnType<typeof ageKeys>>,
  today: string,
): Promise<Finding[]> {
  if (assignmentFile === undefined)
    throw new CliUsageError('校验实地考察报告需要 --assignment 它所回应的考察任务文件包');
  const opened = await openBundle(await readBounded(cwd, assignmentFile, ASSIGNMENT_BYTES), {
    crypto: nodeCrypto,
    keys,
  });
  if (!opened.ok)
    throw new CliUsageError(`${assignmentFile}：文件包校验失败：${opened.error.message}`);
  const a = opened.bundle;
  if (a.kind !== 'inspection-assignment')
    throw new CliUsageError(`${assignmentFile}：${notKindText('inspection-assignment', a.kind)}`);
  const current = currentReport(report.document);
  if (!current.ok) throw new CliUsageError(current.message);
  const answered = answeredAssignment(current.report, report.manifest.answers, [
    { manifestSha256: a.manifestSha256, assignment: a.document },
  ]);
  if (!answered.ok) throw new CliUsageError(answered.message);
  return checkReport(current.report, a.document, today);
}

/** An assignment is a page of JSON; a bound well above it. */
const ASSIGNMENT_BYTES = 1024 * 1024;

export const checkCommand: CliCommand = {
  usage: `jiebang check FILE [--package REVIEW_PACKAGE.json] [SHEET…] [--end YYYY-MM-DD] [--taskbook TASKBOOK.json] [--with SIGNED.jbx|FOLDER]… [--json]
jiebang check PANEL.jbx --package REVIEW_PACKAGE.json [--identity KEY | --passphrase-file F]
jiebang check REPORT.jbx --assignment ASSIGNMENT.jbx [--identity KEY | --passphrase-file F]

Validates FILE against its schema and the rules of the measures (each finding cites its article).
The kind is told by its fields: review package, score sheet, panel decision, task book, extension
request, change request, acceptance application, the documents after the award, an inspection
assignment (judged as jiebang inspection assign judges it); a malformed field is named.
A panel decision is judged with the sheets it rests on, given after it (JSON sheets, sheet bundles
.jbx, or the paper-sheet CSV) — the same findings as the chair's screen. A panel bundle (.jbx) is
verified first and judged with the sheets inside it. An inspection report bundle is verified,
then judged against the assignment bundle it answers (refused if it answers another).
  --package          the review package, for a score sheet, panel decision or task book
  --assignment       the inspection assignment bundle, for an inspection report bundle
  --identity, --passphrase-file   keys to open an encrypted bundle
  --end              the period end, for an acceptance application (第十二条（九）)
  --taskbook         the signed task book (JSON), for a document after the award: milestone
                     assessment, the race's choice, change/extension/termination/acceptance form
                     (also as their signed bundles)
  --with             the project's other signed documents after the award (bundles, or a folder
                     of them; repeatable), each verified: the order rules are weighed as the app
                     does — no form after a termination (第十七条), assessments only after the
                     race's choice and of the solver chosen (第十二条（八）3), one extension only
                     and the period end it sets (第十九条)
  --json             machine-readable output
Exit code: 0 no blocking finding, 1 blocking findings, 2 unreadable or malformed input.`,
  run: async (args, io) => {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        json: { type: 'boolean' },
        package: { type: 'string' },
        end: { type: 'string' },
        taskbook: { type: 'string' },
        ...ageKeyOptions,
        assignment: { type: 'string' },
        with: { type: 'string', multiple: true },
      },
    });
    const [file, ...sheetFiles] = positionals;
    if (file === undefined) throw new CliUsageError('请给出要校验的文件 FILE is required');
    const loaded = await loadPackage(io.cwd, values.package);
    const pkg = loaded?.pkg;
    const tb = await loadTaskBook(io.cwd, values.taskbook);
    const keys = await ageKeys(io.cwd, values.identity, values['passphrase-file']);
    const withSet = values.with ?? [];
    // A document after the award, judged with the other signed documents of its project, if given.
    const judgeAward = async (award: AwardDocument): Promise<Finding[]> =>
      checkAwardDocument(
        award,
        tb,
        values.end,
        withSet.length > 0
          ? await readSignedSet(io.cwd, withSet, award.doc.taskBookId, keys)
          : undefined,
      );
    let kind: DocumentKind | 'inspection-report';
    let label: string;
    let findings: Finding[];
    // A bundle is told by its bytes (ZIP, or age-encrypted), whatever its file name.
    const bytes = await readBundleFile(io.cwd, file);
    if (isBundle(bytes)) {
      const opened = await openBundle(bytes, { crypto: nodeCrypto, keys });
      if (!opened.ok) throw new CliUsageError(`${file}：文件包校验失败：${opened.error.message}`);
      const b = opened.bundle;
      const after = awardOfBundle(b);
      if (after) {
        kind = AWARD_KIND[after.type];
        label = `${KINDS[b.kind].label}文件包`;
        findings = await judgeAward(after);
      } else if (b.kind === 'inspection-report') {
        kind = 'inspection-report';
        label = '实地考察报告文件包';
        findings = await inspectionFindings(io.cwd, b, values.assignment, keys, cliToday(io));
      } else if (b.kind === 'panel-result') {
        kind = 'panel-decision';
        label = '专家组评审结果文件包';
        findings = decisionFindings(
          b.document,
          needPackage(pkg, '专家组评审结果'),
          panelResultSources(b, file),
        );
      } else
        throw new CliUsageError(
          `${file} 是${KINDS[b.kind].label}文件包；check 校验专家组评审结果、实地考察报告和立项后各类文件包（其他文件包请用 jiebang verify）`,
        );
    } else {
      const read = readJson(bytes, file);
      if (!read.ok) throw new CliUsageError(read.message);
      refuseMalformedTaskBook(read.value, file, pkg);
      const doc = parseDocument(read.value, file, cliToday(io));
      ({ kind, label } = doc);
      switch (doc.kind) {
        case 'review-package':
          findings = checkReviewPackage(ReviewPackageSchema.parse(doc.data));
          break;
        case 'score-sheet': {
          const p = needPackage(pkg, '评分表');
          findings = checkScoreSheet(ScoreSheetSchema.parse(doc.data), p);
          break;
        }
        case 'panel-decision': {
          const p = needPackage(pkg, '专家组意见');
          const sources = await readSheetFiles(
            io.cwd,
            sheetFiles,
            p,
            keys,
            loaded?.manifestSha256 ?? null,
          );
          findings = decisionFindings(PanelDecisionSchema.parse(doc.data), p, sources);
          break;
        }
        case 'task-book':
          findings = [
            ...invisibleRemoved(read.value, TASKBOOK_LABELS),
            ...checkTaskBook(TaskBookSchema.parse(doc.data), pkg),
          ];
          break;
        case 'extension-request':
          findings = checkExtensionRequest(ExtensionRequestSchema.parse(doc.data));
          break;
        case 'change-request':
          findings = checkChangeRequest(ChangeRequestSchema.parse(doc.data));
          break;
        case 'milestone-assessment':
          findings = await judgeAward({
            type: 'assessment',
            doc: MilestoneAssessmentFormSchema.parse(doc.data),
          });
          break;
        case 'race-choice':
          findings = await judgeAward({ type: 'race', doc: RaceChoiceSchema.parse(doc.data) });
          break;
        case 'project-form':
          findings = await judgeAward({ type: 'form', doc: ProjectFormSchema.parse(doc.data) });
          break;
        case 'inspection-assignment':
          // Its rules are its schema's and its checklist's (readAssignment): nothing further.
          findings = [];
          break;
        case 'acceptance': {
          if (values.end === undefined)
            throw new CliUsageError('校验验收申请需要 --end（实施周期结束日期）');
          findings = checkAcceptanceApplication(
            AcceptanceEvaluationSchema.parse(doc.data),
            cliDate('--end', values.end),
          );
          break;
        }
      }
    }
    if (withSet.length > 0 && !Object.values<string>(AWARD_KIND).includes(kind))
      throw new CliUsageError('--with 只用于立项后的文件（里程碑考核、赛马择优、项目实施表单）');
    const blocking = hasBlocking(findings);
    if (values.json) {
      io.out(`${JSON.stringify({ file, kind, ok: !blocking, findings }, null, 2)}\n`);
    } else {
      io.out(`${file}：${label}\n`);
      if (findings.length === 0) io.out('✓ 格式与规则校验通过，无问题\n');
      for (const line of findingLines(findings)) io.out(`${line}\n`);
      io.out(
        blocking
          ? `✗ ${findings.filter((f) => f.severity === 'blocking').length} 项阻断问题\n`
          : '',
      );
    }
    return blocking ? 1 : 0;
  },
};
