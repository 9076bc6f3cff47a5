/**
 * The values of a choice in words, for the choices a person types into a JSON file (a subject's
 * type, a member's role): zod's message for a value that is none of them lists them by these
 * labels, the id beside each (src-shared/validation-messages.ts), at every door. No imports.
 */

/** What a document is about (src-shared/bundle/terms.ts `SubjectSchema`). */
export const SUBJECT_LABEL = {
  year: '年度',
  round: '批次',
  demand: '榜单',
  package: '评审包',
  applicant: '揭榜方',
  'task-book': '任务书',
  key: '签名密钥',
} as const;

/** Everyone who signs in the flow of the measures (src-shared/bundle/terms.ts `SignerRoleSchema`). */
export const ROLE_LABEL = {
  bureau: '市科技局',
  expert: '评审专家',
  chair: '专家组组长',
  inspector: '考察组成员',
  assessor: '考核专家',
  issuer: '发榜方',
  solver: '揭榜方',
} as const;

/** An inspection team member's role (`InspectionAssignmentSchema`'s `team.N.role`). */
export const TEAM_ROLE_LABEL = { leader: '组长', member: '成员' } as const;

/** A score sheet's status (`SheetStatusSchema`). */
export const SHEET_STATUS_LABEL = { draft: '草稿', submitted: '已提交' } as const;

const CHOICES: readonly Readonly<Record<string, string>>[] = [
  SUBJECT_LABEL,
  ROLE_LABEL,
  TEAM_ROLE_LABEL,
  SHEET_STATUS_LABEL,
];

/**
 * The options of a choice as a person reads them, 「年度（year）、批次（round）」, when a table above
 * holds exactly these values; null otherwise (zod's own wording stays).
 */
export function choiceWords(values: readonly unknown[]): string | null {
  const table = CHOICES.find(
    (t) =>
      Object.keys(t).length === values.length &&
      values.every((v) => typeof v === 'string' && Object.hasOwn(t, v)),
  );
  if (table === undefined) return null;
  return values.map((v) => `${table[String(v)] ?? ''}（${String(v)}）`).join('、');
}
