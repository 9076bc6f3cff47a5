/**
 * 实地考察 (issue 20; 第十二条（二）（五）（八）): the inspection team's laptop, offline. The bureau's
 * assignment imported → what, where and which checklist → each member enrolled with their own key
 * → the checklist filled with notes and photos → the report PDF previewed → every member signs →
 * the encrypted report bundle saved for the bureau.
 */
// The strings this screen shows, first: its chunk carries them, registered before it renders.
import '../../i18n/inspection';
import '../../i18n/bundles';
import { useEffect } from 'react';
import { NoticeLine } from '../../components/NoticeLine';
import { useT } from '../../i18n';
import { useInspection } from '../../stores/inspection';
import { useSession } from '../../stores/session';
import { AssignmentCard } from './AssignmentCard';
import { ChecklistCard } from './ChecklistCard';
import { PhotosCard } from './PhotosCard';
import { SignCard } from './SignCard';
import { TeamCard } from './TeamCard';

export function InspectionScreen() {
  const t = useT();
  const db = useSession((s) => s.db);
  const load = useInspection((s) => s.load);
  const notice = useInspection((s) => s.notice);
  const held = useInspection((s) =>
    s.assignments.find((h) => h.assignment.assignmentId === s.current),
  );
  const report = useInspection((s) => s.report);
  useEffect(() => {
    if (db) void load();
  }, [db, load]);
  return (
    <section className="screen wide" data-testid="inspection">
      <h1>{t('inspection.heading')}</h1>
      <p className="lead">{t('inspection.lead')}</p>
      <NoticeLine notice={notice} testId="inspection-notice" />
      <AssignmentCard />
      {held && <TeamCard assignment={held.assignment} started={report !== null} />}
      {report && (
        <>
          <ChecklistCard report={report} />
          <PhotosCard report={report} />
          <SignCard report={report} to={held?.assignment.reportTo.name ?? ''} />
        </>
      )}
    </section>
  );
}
