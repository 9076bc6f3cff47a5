/**
 * An inspection assignment as read from a file (JSON the bureau wrote): the one judgement that
 * `jiebang inspection assign` signs after and `jiebang check` reports — the checklist in the
 * desk's words (`rawChecklistProblems`, `describeChecklistProblem`), a member named twice
 * (`rawTeamRepeats`) found even where another member's entry fails the schema, then the rest by
 * `InspectionAssignmentSchema`'s paths (a rule's own sentence, as a due date before the day of
 * issue, said alone by `describeSchemaIssues`).
 */
import {
  InspectionAssignmentSchema,
  rawTeamRepeats,
  teamRepeatText,
  type InspectionAssignment,
} from '../bundle/documents';
import { isWholeSentence } from '../model/common';
import { describeSchemaIssues } from '../scoring/sheet';
import { describeChecklistProblem, rawChecklistProblems } from './checklist';

export type AssignmentReading =
  | { ok: true; assignment: InspectionAssignment }
  | {
      ok: false;
      /** One sentence per cause: the checklist's, a repeated member's, then the schema's. */
      problems: string[];
      /** Whether a field is malformed (named by its path), not only a rule's sentence. */
      malformed: boolean;
    };

export function readAssignment(raw: unknown): AssignmentReading {
  const listProblems = rawChecklistProblems(raw);
  const repeats = rawTeamRepeats(raw).map(teamRepeatText);
  const parsed = InspectionAssignmentSchema.safeParse(raw);
  if (parsed.success && listProblems.length === 0) return { ok: true, assignment: parsed.data };
  const others = parsed.success
    ? []
    : parsed.error.issues.filter(
        (i) =>
          (listProblems.length === 0 || i.path[0] !== 'checklist') &&
          !(i.path[0] === 'team' && repeats.includes(i.message)),
      );
  return {
    ok: false,
    problems: [
      ...listProblems.map(describeChecklistProblem),
      ...repeats,
      ...describeSchemaIssues({ issues: others }),
    ],
    malformed: others.some((i) => !isWholeSentence(i)),
  };
}
