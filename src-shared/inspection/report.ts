/**
 * An inspection report against the assignment it answers: which held assignment that is (a
 * report answering none this installation holds is refused by name), and the findings the
 * report's signers and the bureau's desk both see before it is signed or taken in.
 */
import type { InspectionAssignment } from '../bundle/documents';
import { describeSubject, sameSubject } from '../bundle/terms';
import type { AnyInspectionReport, InspectionReport } from '../model';
import { ASSIGNMENT_LABELS, INSPECTION_REPORT_LABELS } from '../model/labels';
import { finding, type Finding } from '../rules/finding';
import { unprintableSentences } from '../rules/print';
import { visitAfterToday, visitAfterTodayText } from './visit-date';
import { formatDateZh } from '../text/date';

/** An assignment this installation holds, with its bundle's manifest hash (what reports cite). */
export interface HeldAssignment {
  manifestSha256: string;
  assignment: InspectionAssignment;
}

/**
 * The report a bundle holds, if it is the current document: a format-1 report (before
 * assignments) answers none and is refused by name.
 */
export function currentReport(
  doc: AnyInspectionReport,
): { ok: true; report: InspectionReport } | { ok: false; message: string } {
  return doc.formatVersion === 2
    ? { ok: true, report: doc }
    : {
        ok: false,
        message: `考察报告 ${doc.reportId} 是格式 1 的旧报告，不回应任何考察任务，未导入`,
      };
}

export type Answered = { ok: true; held: HeldAssignment } | { ok: false; message: string };

/**
 * The held assignment a report answers: its manifest cites the assignment bundle by hash and
 * its document names the same assignment id. Otherwise refused, naming the report and the
 * assignment it claims.
 */
export function answeredAssignment(
  report: Pick<InspectionReport, 'reportId' | 'assignmentId'>,
  answers: readonly { kind: string; manifestSha256: string }[],
  held: readonly HeldAssignment[],
): Answered {
  const cited = answers.filter((a) => a.kind === 'inspection-assignment');
  const match = held.find(
    (h) =>
      h.assignment.assignmentId === report.assignmentId &&
      cited.some((a) => a.manifestSha256 === h.manifestSha256),
  );
  if (match) return { ok: true, held: match };
  const sameId = held.some((h) => h.assignment.assignmentId === report.assignmentId);
  return {
    ok: false,
    message: sameId
      ? `考察报告 ${report.reportId} 引用的考察任务 ${report.assignmentId} 与本机所存的任务文件不是同一份（answers 哈希不符），未导入`
      : `考察报告 ${report.reportId} 回应的考察任务 ${report.assignmentId} 不在本机（未导入该任务），未导入`,
  };
}

/** The round (批次) a report is listed under: the assignment's, or its subject when that is a round. */
export function roundOf(assignment: InspectionAssignment): string {
  return (
    assignment.round ?? (assignment.subject.type === 'round' ? assignment.subject.id : '未分批次')
  );
}

const ART = '第十二条（二）';

/**
 * What is wrong with a report for its assignment on `today` (YYYY-MM-DD, the door's clock), each
 * finding citing its article: the subject and team must be the assignment's; the visit falls on or
 * after the day of issue and not after today (it took place), a warning after the due date; every
 * item has a finding, 不符合 and 基本符合 say why; a conclusion is written.
 */
export function checkReport(
  report: InspectionReport,
  assignment: InspectionAssignment,
  today: string,
): Finding[] {
  const out: Finding[] = [];
  if (report.assignmentId !== assignment.assignmentId)
    out.push(
      finding(
        'inspection.assignment',
        ART,
        'blocking',
        `报告回应的考察任务 ${report.assignmentId} 不是 ${assignment.assignmentId}`,
        ['assignmentId'],
      ),
    );
  if (!sameSubject(report.subject, assignment.subject))
    out.push(
      finding(
        'inspection.subject',
        ART,
        'blocking',
        `报告的对象（${describeSubject(report.subject)}）不是考察任务的对象（${describeSubject(assignment.subject)}）`,
        ['subject'],
      ),
    );
  const team = new Map(assignment.team.map((m) => [m.id, m]));
  report.inspectors.forEach((i, n) => {
    if (!team.has(i.id))
      out.push(
        finding(
          'inspection.team',
          ART,
          'blocking',
          `${i.name}（${i.id}）不是考察任务指派的考察组成员`,
          ['inspectors', n],
        ),
      );
  });
  const leader = assignment.team.find((m) => m.role === 'leader');
  if (leader && !report.inspectors.some((i) => i.id === leader.id))
    out.push(
      finding(
        'inspection.leader',
        ART,
        'warning',
        `考察组组长 ${leader.name}（${leader.id}）未在报告上签名`,
        ['inspectors'],
      ),
    );
  if (report.date < assignment.issuedOn)
    out.push(
      finding(
        'inspection.date',
        ART,
        'blocking',
        `考察日期${formatDateZh(report.date)}早于任务下达日期${formatDateZh(assignment.issuedOn)}`,
        ['date'],
      ),
    );
  else if (visitAfterToday(report.date, today))
    out.push(
      finding(
        'inspection.future',
        ART,
        'blocking',
        `考察日期${visitAfterTodayText(report.date, today)}`,
        ['date'],
      ),
    );
  else if (report.date > assignment.dueBy)
    out.push(
      finding(
        'inspection.due',
        ART,
        'warning',
        `考察日期${formatDateZh(report.date)}晚于任务要求的完成日期${formatDateZh(assignment.dueBy)}`,
        ['date'],
      ),
    );
  report.checklist.forEach((c, n) => {
    if (c.result === 'not-checked')
      out.push(
        finding('inspection.unchecked', ART, 'warning', `检查项「${c.item}」未检查`, [
          'checklist',
          n,
        ]),
      );
    if ((c.result === 'not-met' || c.result === 'partly') && c.note.trim().length < 2)
      out.push(
        finding(
          'inspection.note',
          ART,
          'blocking',
          `检查项「${c.item}」为${c.result === 'not-met' ? '不符合' : '基本符合'}，须在说明中写明情况`,
          ['checklist', n, 'note'],
        ),
      );
  });
  if (report.conclusion.trim().length < 2)
    out.push(finding('inspection.conclusion', ART, 'blocking', '请填写考察结论', ['conclusion']));
  return out;
}

/**
 * What the report's PDF could not print (`missing`, as main's renderer reports it), said as the
 * task book's warning says it (`unprintableSentences`): each field of the report, or the
 * assignment's 考察目的 the PDF repeats, named in the inspection form's words.
 */
export const reportUnprintable = (
  input: { report: InspectionReport; purpose: string },
  missing: readonly string[],
): string[] =>
  unprintableSentences(missing, [
    { doc: input.report, labels: INSPECTION_REPORT_LABELS },
    { doc: { purpose: input.purpose }, labels: ASSIGNMENT_LABELS },
  ]);
