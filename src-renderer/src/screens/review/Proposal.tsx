import { useEffect, useState } from 'react';
import type { AttachmentRef } from '../../../../src-shared/model';
import { PdfViewer } from '../../components/PdfViewer';
import { useT } from '../../i18n';
import { keptAttachment, prefetchAttachments } from '../../stores/attachments';

/** Proposals opened ahead of the one shown (the next applicants in the list). */
const AHEAD = 3;

/**
 * The applicant's proposal (申报材料) beside the sheet, and the next `AHEAD` proposals opened
 * while the expert reads this one: once its first page is drawn, so they never take pdf.js's
 * worker from the proposal being opened.
 */
export function Proposal({
  proposal,
  next,
}: {
  proposal: AttachmentRef | undefined;
  /** The proposals of the applicants after this one, in list order (the same array while they are). */
  next: readonly AttachmentRef[];
}) {
  const t = useT();
  const [drawn, setDrawn] = useState<string | null>(null);
  const shownDrawn = proposal === undefined || drawn === proposal.sha256;
  useEffect(
    () => (shownDrawn ? prefetchAttachments(next.slice(0, AHEAD)) : undefined),
    [next, shownDrawn],
  );
  if (!proposal) return <p className="note">{t('review.noProposal')}</p>;
  return (
    <PdfViewer
      kept={keptAttachment(proposal)}
      name={proposal.name}
      // Beside the sheet the pane is narrow (1280 px windows): the page starts fitted to it, so
      // the proposal's title is read whole; + zooms in.
      fit
      onFirstPage={() => setDrawn(proposal.sha256)}
    />
  );
}
