/**
 * A zod issue said in its document's words: the one way every door names a bad field — the forms,
 * the readers of the desk and the command line, and a bundle's main document when it is opened
 * (`issuesOf`, bundle/kinds.ts).
 */
import { isWholeSentence } from '../common';
import { fieldName, fieldSentence, type FieldLabels } from './field';

/** A zod issue, as `describeSchemaIssues` reads one. */
export interface SchemaIssue {
  path: readonly PropertyKey[];
  message: string;
  params?: unknown;
}

/**
 * A zod issue as a line naming its field in its document's words (`labels`, one table per kind
 * in src-shared/model/labels/): `scores.0.criteria.1.points` is 「第 1 位揭榜方的评分 第 2 个评分项
 * 得分：…」, a path the table lacks is said as the path. An issue marked `WHOLE_SENTENCE` (a rule's
 * own sentence, 「完成日期 … 早于签发日期 …」) is that sentence alone.
 */
export const describeSchemaIssue = (issue: SchemaIssue, labels: FieldLabels): string =>
  isWholeSentence(issue)
    ? issue.message
    : fieldSentence(
        fieldName(labels, issue.path) ?? (issue.path.map(String).join('.') || '（整个文档）'),
        issue.message,
      );

/** Every issue of a zod error, each a line (`describeSchemaIssue`). */
export const describeSchemaIssues = (
  error: { issues: readonly SchemaIssue[] },
  labels: FieldLabels,
): string[] => error.issues.map((i) => describeSchemaIssue(i, labels));
