import { PdfViewer } from '../../components/PdfViewer';
import { useT } from '../../i18n';
import { useAttachment } from '../../stores/attachments';

/** The applicant's proposal (申报材料) beside the sheet. */
export function Proposal({ attachmentId }: { attachmentId: string | undefined }) {
  const t = useT();
  const doc = useAttachment(attachmentId);
  if (!attachmentId) return <p className="note">{t('review.noProposal')}</p>;
  if (!doc) return <p aria-busy="true">{t('pdf.loading')}</p>;
  return <PdfViewer bytes={doc.bytes} name={doc.name} />;
}
