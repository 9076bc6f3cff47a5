import type { ReviewPackage, ScoreSheet } from '../../../../src-shared/model';
import type { TranscribedSheet } from '../../../../src-shared/bundle';
import { message, useSay, useT, type T } from '../../i18n';
import { useChair } from '../../stores/chair';
import { LocalProfileImport } from './LocalProfileImport';

/**
 * What the sheet that counts for an expert is, told by the sheet itself (the very object the desk
 * counted): a transcription of a wet-signed paper form says so and who typed it, even for the
 * chair's own; 「本机评分表」 only for the chair's sheet held on this device.
 */
export function boardStatus(
  t: T,
  at: {
    sheet: ScoreSheet | undefined;
    expertId: string;
    chairId: string;
    gathered: readonly { sheet: ScoreSheet }[];
    paper: readonly { record: TranscribedSheet }[];
  },
): string {
  const { sheet } = at;
  if (!sheet) return t('chair.missing');
  const typed = at.paper.find((p) => p.record.sheet === sheet)?.record;
  if (typed)
    return t('paper.boardStatus', {
      typist: typed.transcribedBy,
      checked: typed.checkedBy ? t('paper.checked', { name: typed.checkedBy }) : '',
    });
  if (at.gathered.some((g) => g.sheet === sheet)) return t('chair.submitted');
  return at.expertId === at.chairId ? t('chair.ownSheet') : t('chair.submitted');
}

/** 收集评分表: import sheet bundles (each judged on its own), and who has submitted. */
export function GatherCard({
  pkg,
  sheets,
  chairId,
}: {
  pkg: ReviewPackage;
  /** The sheets that count (the chair's own among them). */
  sheets: readonly ScoreSheet[];
  chairId: string;
}) {
  const t = useT();
  const say = useSay();
  const { gathered, paper, outcomes, saving, importFiles, signed } = useChair();
  return (
    <div className="card">
      <h2>{t('chair.gather')}</h2>
      {signed ? (
        // Signed: no sheet joins, so no import is offered (workflows/paper.ts, signedRefusal).
        <p className="note" data-testid="import-closed">
          {t('chair.importAfterSigned')}
        </p>
      ) : (
        <>
          <button
            type="button"
            className="primary"
            onClick={() => void importFiles(pkg, message('chair.import'))}
          >
            {t('chair.import')}
          </button>
          <LocalProfileImport pkg={pkg} />
        </>
      )}
      {outcomes.length > 0 && (
        <ul className="checks" data-testid="import-outcomes">
          {outcomes.map((o) => (
            <li key={o.file} className={o.ok ? 'ok' : 'error'}>
              {t(o.ok ? 'chair.outcomeOk' : 'chair.outcomeBad', {
                file: o.file,
                message: say(o.message),
              })}
            </li>
          ))}
        </ul>
      )}
      {saving && (
        // The import is shown before it is stored: whether it is stored yet, or why it was not.
        <p
          role="status"
          data-testid="import-saving"
          data-state={saving.state}
          className={
            saving.state === 'failed' ? 'error' : saving.state === 'storing' ? 'warn' : 'ok'
          }
          aria-busy={saving.state === 'storing'}
        >
          {saving.state === 'storing'
            ? t('chair.saving')
            : saving.state === 'stored'
              ? t('chair.savedImport')
              : t('chair.saveFailed', { why: say(saving.why) })}
        </p>
      )}
      <h3>{t('chair.board')}</h3>
      <ul className="plain board" data-testid="board">
        {pkg.panel.experts.map((e) => {
          const sheet = sheets.find((x) => x.expertId === e.id);
          const recused = sheet?.scores.filter((s) => s.recusal).map((s) => s.applicantId) ?? [];
          const status = boardStatus(t, { sheet, expertId: e.id, chairId, gathered, paper });
          return (
            <li key={e.id}>
              {t('chair.boardLine', { id: e.id, name: e.name, status })}
              {recused.length > 0
                ? t('chair.boardRecused', { ids: recused.join(t('common.listSep')) })
                : ''}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
