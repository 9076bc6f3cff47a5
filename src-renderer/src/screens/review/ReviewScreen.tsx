// The strings this screen shows, first: its chunk carries them, registered before it renders.
import '../../i18n/review';
import '../../i18n/chair';
import '../../i18n/paper';
import { useEffect } from 'react';
import { NoticeLine } from '../../components/NoticeLine';
import { warmPdfViewer } from '../../components/PdfViewer';
import { useT } from '../../i18n';
import { releaseReviewFields, useReview } from '../../stores/review';
import { EnrolPanel } from './EnrolPanel';
import { ImportPanel } from './ImportPanel';
import { Workspace } from './Workspace';

/** 专家评审: import the package, enrol, then score, submit and export the sheet. */
export function ReviewScreen() {
  const t = useT();
  const { loaded, pkg, enrolment, sheet, notice, load } = useReview();
  useEffect(() => {
    void load();
  }, [load]);
  // pdf.js and its worker start while the package loads, before the first proposal is shown.
  useEffect(() => warmPdfViewer(), []);
  // Gone: none of its fields holds anything any more.
  useEffect(() => () => releaseReviewFields(), []);
  // Not read yet: nothing to show, unless the read failed — then why (the store's notice).
  if (!loaded)
    return notice ? (
      <section className="screen">
        <h1>{t('review.heading')}</h1>
        <NoticeLine notice={notice} testId="review-load-error" />
      </section>
    ) : null;
  return (
    <section className="screen wide">
      <h1>{t('review.heading')}</h1>
      {!pkg && <ImportPanel />}
      {pkg && !enrolment && <EnrolPanel pkg={pkg} />}
      {pkg && enrolment && sheet && <Workspace pkg={pkg} sheet={sheet} />}
    </section>
  );
}
