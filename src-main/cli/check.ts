import { parseArgs } from 'node:util';
import type { z } from 'zod';
import {
  AcceptanceEvaluationSchema,
  ChangeRequestSchema,
  ExtensionRequestSchema,
  PanelDecisionSchema,
  ReviewPackageSchema,
  ScoreSheetSchema,
  TaskBookSchema,
  type ReviewPackage,
} from '../../src-shared/model';
import {
  checkAcceptanceApplication,
  checkChangeRequest,
  checkExtensionRequest,
  checkPanelDecision,
  checkReviewPackage,
  checkTaskBook,
  hasBlocking,
  type Finding,
} from '../../src-shared/rules';
import { aggregate, validateSheet } from '../../src-shared/scoring';
import { readJsonFile } from './io';
import { CliUsageError, type CliCommand } from './types';

const SEVERITY_LABEL: Record<Finding['severity'], string> = {
  blocking: '✗ 阻断',
  warning: '! 提示',
  info: 'i 说明',
};

type Kind =
  | 'review-package'
  | 'score-sheet'
  | 'panel-decision'
  | 'task-book'
  | 'extension-request'
  | 'change-request'
  | 'acceptance';
const KINDS: [Kind, string, z.ZodType][] = [
  ['review-package', '评审包', ReviewPackageSchema],
  ['score-sheet', '评分表', ScoreSheetSchema],
  ['panel-decision', '专家组意见', PanelDecisionSchema],
  ['task-book', '任务书', TaskBookSchema],
  ['extension-request', '延期申请', ExtensionRequestSchema],
  ['change-request', '变更申请', ChangeRequestSchema],
  ['acceptance', '验收申请', AcceptanceEvaluationSchema],
];

function detect(raw: unknown): { kind: Kind; label: string } | null {
  for (const [kind, label, schema] of KINDS)
    if (schema.safeParse(raw).success) return { kind, label };
  return null;
}

async function loadPackage(
  cwd: string,
  path: string | undefined,
): Promise<ReviewPackage | undefined> {
  if (path === undefined) return undefined;
  const parsed = ReviewPackageSchema.safeParse(await readJsonFile(cwd, path));
  if (!parsed.success) throw new CliUsageError(`--package ${path} 不是有效的评审包`);
  return parsed.data;
}

export const checkCommand: CliCommand = {
  name: 'check',
  summary:
    '校验文档（评审包、评分表、专家组意见、任务书…）的格式与规则 / validate a document against schema and rules',
  usage: `jiebang check FILE [--package REVIEW_PACKAGE.json] [--end YYYY-MM-DD] [--json]

Validates FILE against its schema and the rules of the measures (each finding cites its article).
The kind is detected: review package, score sheet, panel decision, task book, extension request,
change request, acceptance application.
  --package   the review package, for a score sheet, panel decision or task book
  --end       the period end, for an acceptance application (第十二条（九）)
  --json      machine-readable output
Exit code: 0 no blocking finding, 1 blocking findings, 2 unreadable or malformed input.`,
  run: async (args, io) => {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { json: { type: 'boolean' }, package: { type: 'string' }, end: { type: 'string' } },
    });
    const [file] = positionals;
    if (file === undefined) throw new CliUsageError('请给出要校验的文件 FILE is required');
    const raw = await readJsonFile(io.cwd, file);
    const detected = detect(raw);
    if (!detected) {
      const issues = ReviewPackageSchema.safeParse(raw);
      const detail = issues.success
        ? ''
        : issues.error.issues
            .slice(0, 8)
            .map((i) => `  ${i.path.join('.')}: ${i.message}`)
            .join('\n');
      throw new CliUsageError(
        `无法识别的文档：不符合任何已知格式 not a known document\n(作为评审包的差异 as a review package:)\n${detail}`,
      );
    }
    const pkg = await loadPackage(io.cwd, values.package);
    let findings: Finding[] = [];
    switch (detected.kind) {
      case 'review-package':
        findings = checkReviewPackage(ReviewPackageSchema.parse(raw));
        break;
      case 'score-sheet': {
        if (!pkg) throw new CliUsageError('校验评分表需要 --package');
        findings = validateSheet(ScoreSheetSchema.parse(raw), pkg).map((i) => ({
          rule: `sheet.${i.field}`,
          article: '第十二条（五）',
          severity: 'blocking',
          message: i.message,
          path: ['scores', i.applicantId, ...(i.criterionId ? [i.criterionId] : [])],
        }));
        break;
      }
      case 'panel-decision': {
        if (!pkg)
          throw new CliUsageError(
            '校验专家组意见需要 --package（以及评分表，用 jiebang score 汇总）',
          );
        findings = checkPanelDecision(PanelDecisionSchema.parse(raw), pkg, aggregate(pkg, []));
        break;
      }
      case 'task-book':
        findings = checkTaskBook(TaskBookSchema.parse(raw), pkg);
        break;
      case 'extension-request':
        findings = checkExtensionRequest(ExtensionRequestSchema.parse(raw));
        break;
      case 'change-request':
        findings = checkChangeRequest(ChangeRequestSchema.parse(raw));
        break;
      case 'acceptance': {
        if (values.end === undefined)
          throw new CliUsageError('校验验收申请需要 --end（实施周期结束日期）');
        findings = checkAcceptanceApplication(AcceptanceEvaluationSchema.parse(raw), values.end);
        break;
      }
    }
    const blocking = hasBlocking(findings);
    if (values.json) {
      io.out(
        `${JSON.stringify({ file, kind: detected.kind, ok: !blocking, findings }, null, 2)}\n`,
      );
    } else {
      io.out(`${file}: ${detected.label}（${detected.kind}）\n`);
      if (findings.length === 0) io.out('✓ 格式与规则校验通过，无问题\n');
      for (const f of findings)
        io.out(
          `${SEVERITY_LABEL[f.severity]}  ${f.message}  [${f.rule} @ ${f.path.join('.') || '/'}]\n`,
        );
      io.out(
        blocking
          ? `✗ ${findings.filter((f) => f.severity === 'blocking').length} 项阻断问题\n`
          : '',
      );
    }
    return blocking ? 1 : 0;
  },
};
