/**
 * An inspection assignment as read from a file (JSON the bureau wrote): the one judgement that
 * `jiebang inspection assign` signs after and `jiebang check` reports — the checklist in the
 * desk's words (`rawChecklistProblems`, `describeChecklistProblem`), a member named twice
 * (`rawTeamRepeats`) found even where another member's entry fails the schema (the schema's own
 * issue for it set aside by its rule, `TEAM_REPEAT_RULE`), then the rest by
 * `InspectionAssignmentSchema`'s paths (a rule's own sentence, as a due date before the day of
 * issue, said alone by `describeSchemaIssues`), and a day of issue after `today` (the door's
 * clock) as the visit's date is refused (`visitAfterToday`).
 */
import {
  InspectionAssignmentSchema,
  rawTeamRepeats,
  TEAM_REPEAT_RULE,
  teamRepeatText,
  type InspectionAssignment,
} from '../bundle/documents';
import { issueRule, isWholeSentence } from '../model/common';
import { ASSIGNMENT_LABELS } from '../model/labels';
import { describeSchemaIssues } from '../scoring/sheet';
import { describeChecklistProblem, rawChecklistProblems } from './checklist';
import { issuedAfterTodayText, visitAfterToday } from './visit-date';

export type AssignmentReading =
  | { ok: true; assignment: InspectionAssignment }
  | {
      ok: false;
      /** One sentence per cause: the checklist's, a repeated member's, then the schema's. */
      problems: string[];
      /** Whether a field is malformed (named by its path), not only a rule's sentence. */
      malformed: boolean;
    };

export function readAssignment(raw: unknown, today: string): AssignmentReading {
  const listProblems = rawChecklistProblems(raw);
  const repeats = rawTeamRepeats(raw).map(teamRepeatText);
  const parsed = InspectionAssignmentSchema.safeParse(raw);
  // Issued after today, the team could file no report until that day: the visit's rule, one rule.
  const late =
    parsed.success && visitAfterToday(parsed.data.issuedOn, today)
      ? [`签发日期${issuedAfterTodayText(parsed.data.issuedOn, today)}`]
      : [];
  if (parsed.success && listProblems.length === 0 && late.length === 0)
    return { ok: true, assignment: parsed.data };
  const others = parsed.success
    ? []
    : parsed.error.issues.filter(
        (i) =>
          (listProblems.length === 0 || i.path[0] !== 'checklist') &&
          // Said above from the file as given (`rawTeamRepeats`): the schema's own, by its rule.
          !(repeats.length > 0 && issueRule(i) === TEAM_REPEAT_RULE),
      );
  return {
    ok: false,
    problems: [
      ...listProblems.map(describeChecklistProblem),
      ...repeats,
      ...describeSchemaIssues({ issues: others }, ASSIGNMENT_LABELS),
      ...late,
    ],
    malformed: others.some((i) => !isWholeSentence(i)),
  };
}
