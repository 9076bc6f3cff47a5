import { useState } from 'react';
import type { PanelDecision, ReviewPackage } from '../../../../src-shared/model';
import type { TaskBookDraft } from '../../../../src-shared/taskbook';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { NoticeLine } from '../../components/NoticeLine';
import { useT } from '../../i18n';
import { useReview } from '../../stores/review';
import { useTaskBook } from '../../stores/taskbook';
import type { Judged } from '../../workflows/taskbook';

/** The code in groups of four, as it is printed and read aloud. */
const grouped = (code: string) => code.replace(/(.{4})(?!$)/g, '$1 ');

/**
 * 任务书文件: its code, preview, save, print, 定稿 / 签名导出 / 退回草稿, and what each said. 定稿
 * asks first in the app's dialog (as signing does): 返回修改 is focused first and is what Escape does.
 */
export function DocumentCard({
  pkg,
  decision,
  draft,
  judged,
}: {
  pkg: ReviewPackage;
  decision: PanelDecision;
  draft: TaskBookDraft;
  judged: Judged;
}) {
  const t = useT();
  const enrolment = useReview((s) => s.enrolment);
  const store = useTaskBook();
  const [asking, setAsking] = useState(false);
  const tb = judged.checked.ok ? judged.checked.tb : null;
  const final = draft.status === 'final';
  const fileName = t(final ? 'taskbook.pdfName' : 'taskbook.pdfNameDraft', {
    id: draft.taskBookId,
  });
  const signer =
    pkg.panel.experts.find((e) => e.id === enrolment?.expertId)?.name ?? enrolment?.expertId ?? '';
  return (
    <div className="card">
      <h2>
        {t('taskbook.document', {
          status: t(final ? 'taskbook.status.final' : 'taskbook.status.draft'),
        })}
      </h2>
      {judged.code && (
        <p className="mono code" data-testid="tb-code" data-code={judged.code}>
          {t('taskbook.code', { code: grouped(judged.code) })}
        </p>
      )}
      <div className="row">
        <button type="button" disabled={!tb} onClick={() => tb && void store.preview(tb)}>
          {t('taskbook.preview')}
        </button>
        <button type="button" disabled={!tb} onClick={() => tb && void store.savePdf(tb, fileName)}>
          {t('taskbook.savePdf')}
        </button>
        <button type="button" disabled={!tb} onClick={() => tb && void store.print(tb, fileName)}>
          {t('taskbook.print')}
        </button>
      </div>
      <div className="row">
        {!final ? (
          <button
            type="button"
            className="primary"
            disabled={!judged.canFinalise}
            onClick={() => setAsking(true)}
          >
            {t('taskbook.finalise')}
          </button>
        ) : (
          <>
            <button
              type="button"
              className="primary"
              disabled={!enrolment || !tb}
              onClick={() => tb && void store.exportBundle(tb, signer)}
            >
              {t('taskbook.export')}
            </button>
            {store.unsaved && (
              <button type="button" onClick={() => void store.saveAgain()}>
                {t('export.saveAgain')}
              </button>
            )}
            <button type="button" onClick={() => void store.reopen()}>
              {t('taskbook.reopen')}
            </button>
          </>
        )}
      </div>
      {asking && !final && (
        <ConfirmDialog
          title={t('taskbook.finaliseConfirmTitle')}
          body={t('taskbook.finaliseConfirmBody')}
          stay={t('taskbook.finaliseConfirmStay')}
          leave={t('taskbook.finaliseConfirmGo')}
          onStay={() => setAsking(false)}
          onLeave={() => {
            setAsking(false);
            void store.finalise(pkg, decision);
          }}
          testId="finalise-confirm"
        />
      )}
      {!judged.canFinalise && !final && <p className="note">{t('taskbook.blockingNote')}</p>}
      <NoticeLine notice={store.notice} testId="tb-notice" />
    </div>
  );
}
