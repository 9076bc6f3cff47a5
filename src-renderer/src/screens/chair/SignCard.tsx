import { useState } from 'react';
import type { PanelDecision, ReviewPackage, ScoreSheet } from '../../../../src-shared/model';
import { hasBlocking, type Finding } from '../../../../src-shared/rules';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { FindingsList } from '../../components/FindingsList';
import { NoticeLine } from '../../components/NoticeLine';
import { useT } from '../../i18n';
import { CHAIR_FIELDS, useChair } from '../../stores/chair';
import { holdsField, useUnsaved } from '../../stores/unsaved';

/**
 * 规则校验 and signing: the button waits for every blocking finding to be resolved (and for every
 * field to hold what it shows: a refused 核定经费 is 未保存), then asks
 * once more — signing is final (the result is encrypted to the bureau and the page locks,
 * 第十二条（六）) — in a dialog: 返回检查 is focused first and is what Escape does; Tab to the
 * confirmation and Enter signs.
 */
export function SignCard({
  pkg,
  decision,
  findings,
  canSign,
  own,
}: {
  pkg: ReviewPackage;
  decision: PanelDecision;
  findings: readonly Finding[];
  canSign: boolean;
  own: ScoreSheet | null;
}) {
  const t = useT();
  const { notice, unsaved, signing, sign, saveAgain } = useChair();
  // An import shown before it is stored: signing waits for it (the store refuses meanwhile too).
  const storing = useChair((s) => s.saving?.state === 'storing');
  // A field showing what the choices do not hold (a refused 核定经费): not signed in its place.
  const held = useUnsaved(holdsField(CHAIR_FIELDS));
  const [asking, setAsking] = useState(false);
  return (
    <>
      <h3>{t('chair.findings')}</h3>
      {/* Warnings do not keep the rules from passing: passed, with the warnings listed below. */}
      {findings.length === 0 ? (
        <p className="ok">{t('chair.noFindings')}</p>
      ) : (
        <>
          {!hasBlocking(findings) && (
            <p className="ok">{t('chair.passedWithWarnings', { count: findings.length })}</p>
          )}
          <FindingsList findings={findings} testId="findings" />
        </>
      )}
      <div className="row">
        <button
          type="button"
          className="primary"
          disabled={!canSign || signing || storing || held}
          aria-busy={signing || storing}
          onClick={() => setAsking(true)}
        >
          {t('chair.sign')}
        </button>
        {asking && (
          <ConfirmDialog
            title={t('chair.signConfirmTitle')}
            body={t('chair.signConfirmBody')}
            stay={t('chair.signConfirmStay')}
            leave={t('chair.signConfirmGo')}
            onStay={() => setAsking(false)}
            onLeave={() => {
              setAsking(false);
              void sign({
                pkg,
                decision: { ...decision, decidedAt: new Date().toISOString() },
                own,
              });
            }}
            testId="sign-confirm"
          />
        )}
        {storing && <span className="note">{t('chair.savingWait')}</span>}
        {unsaved && (
          <button type="button" onClick={() => void saveAgain()}>
            {t('export.saveAgain')}
          </button>
        )}
      </div>
      <NoticeLine notice={notice} testId="chair-notice" />
    </>
  );
}
