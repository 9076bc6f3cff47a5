/** The assignments on this laptop: import one (.jbx), then what, where, and which checklist. */
import { describeSubject, type InspectionAssignment } from '../../../../src-shared/bundle';
import { CHECKLIST_TEMPLATES, purposeOf } from '../../../../src-shared/inspection';
import { dayParam, useT } from '../../i18n';
import { useInspection } from '../../stores/inspection';

export function AssignmentCard() {
  const t = useT();
  const assignments = useInspection((s) => s.assignments);
  const current = useInspection((s) => s.current);
  const importAssignment = useInspection((s) => s.importAssignment);
  const choose = useInspection((s) => s.choose);
  const shown = assignments.find((h) => h.assignment.assignmentId === current);
  return (
    <div className="card" data-testid="inspection-assignment">
      <button type="button" onClick={() => void importAssignment()}>
        {t('inspection.import')}
      </button>
      {assignments.length === 0 && <p className="note">{t('inspection.none')}</p>}
      {assignments.length > 1 && (
        <ul>
          {assignments.map(({ assignment: a }) => (
            <li key={a.assignmentId}>
              <button
                type="button"
                aria-pressed={a.assignmentId === current}
                onClick={() => void choose(a.assignmentId)}
              >
                {t('inspection.choose', { id: a.assignmentId })}
              </button>
            </li>
          ))}
        </ul>
      )}
      {shown && <AssignmentFacts a={shown.assignment} />}
    </div>
  );
}

function AssignmentFacts({ a }: { a: InspectionAssignment }) {
  const t = useT();
  const template = CHECKLIST_TEMPLATES[purposeOf(a.subject.type)];
  const checklist =
    a.checklist.length > 0
      ? t('inspection.checklistOwn', { n: a.checklist.length })
      : t('inspection.checklistTemplate', {
          title: template.title,
          article: template.article,
          n: template.items.length,
        });
  const rows: [string, string][] = [
    [t('inspection.subject'), describeSubject(a.subject)],
    ...(a.round ? [[t('inspection.round'), a.round] satisfies [string, string]] : []),
    [t('inspection.purpose'), a.purpose],
    [
      t('inspection.sites'),
      a.sites
        .map((s) => (s.address ? t('common.paren', { text: s.name, note: s.address }) : s.name))
        .join(t('common.listSep')),
    ],
    [t('inspection.checklistFrom'), checklist],
    [
      t('inspection.dates'),
      t('inspection.datesText', { issued: dayParam(a.issuedOn), due: dayParam(a.dueBy) }),
    ],
    [t('inspection.reportTo'), a.reportTo.name],
  ];
  return (
    <>
      <h2>{t('inspection.assignment', { id: a.assignmentId })}</h2>
      <dl className="facts">
        {rows.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}
