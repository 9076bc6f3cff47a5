import { useCallback, useMemo, useState } from 'react';
import { formatFingerprint } from '../../../../src-shared/crypto/keys';
import type { AttachmentRef, ReviewPackage, ScoreSheet } from '../../../../src-shared/model';
import { applicantStatus } from '../../../../src-shared/scoring';
import { useT } from '../../i18n';
import { openAttachmentNow } from '../../stores/attachments';
import { useReview } from '../../stores/review';
import { askBeforeDropping } from '../../stores/unsaved';
import { ApplicantList } from './ApplicantList';
import { Proposal } from './Proposal';
import { SheetPanel } from './SheetPanel';
import { SubmitBar } from './SubmitBar';

const isProposal = (a: AttachmentRef) => a.role === 'proposal';

/** The expert at work: applicants on the left, the proposal in the middle, the sheet beside it. */
export function Workspace({ pkg, sheet }: { pkg: ReviewPackage; sheet: ScoreSheet }) {
  const t = useT();
  const enrolment = useReview((s) => s.enrolment);
  const edit = useReview((s) => s.edit);
  const hold = useReview((s) => s.hold);
  const [selected, setSelected] = useState(pkg.applicants[0]?.id ?? '');
  // The chosen applicant's proposal starts opening at the click, while the sheet renders. A field
  // of this applicant holding text the sheet does not (未保存) asks first, as leaving does.
  const choose = useCallback(
    (id: string) =>
      askBeforeDropping('leave', () => {
        const proposal = pkg.applicants.find((a) => a.id === id)?.attachments.find(isProposal);
        if (proposal) openAttachmentNow(proposal);
        setSelected(id);
      }),
    [pkg],
  );
  const statuses = useMemo(
    () => Object.fromEntries(pkg.applicants.map((a) => [a.id, applicantStatus(pkg, sheet, a.id)])),
    [pkg, sheet],
  );
  const finished = Object.values(statuses).filter((s) => s === 'done' || s === 'recused').length;
  const at = pkg.applicants.findIndex((a) => a.id === selected);
  const applicant = pkg.applicants[at];
  const next = useMemo(
    () => pkg.applicants.slice(at + 1).flatMap((a) => a.attachments.filter(isProposal)),
    [pkg, at],
  );
  return (
    <>
      <div className="row">
        <span data-testid="review-progress">
          {t('review.progress', { done: finished, total: pkg.applicants.length })}
        </span>
        <progress max={pkg.applicants.length} value={finished} />
        <span className="spacer" />
        {enrolment && (
          <span className="note mono">
            {t('review.enrol.key', { fp: formatFingerprint(enrolment.fingerprint) })}
          </span>
        )}
      </div>
      <div className="workspace">
        <ApplicantList pkg={pkg} statuses={statuses} selected={selected} onSelect={choose} />
        <div className="proposal">
          <Proposal proposal={applicant?.attachments.find(isProposal)} next={next} />
        </div>
        <SheetPanel pkg={pkg} sheet={sheet} applicantId={selected} onEdit={edit} onHeld={hold} />
      </div>
      <SubmitBar pkg={pkg} sheet={sheet} onGoTo={choose} />
    </>
  );
}
