import type { ReviewPackage, ScoreSheet } from '../../../../src-shared/model';
import { message, useSay, useT } from '../../i18n';
import { useChair } from '../../stores/chair';
import { LocalProfileImport } from './LocalProfileImport';

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
  const { gathered, paper, outcomes, importFiles } = useChair();
  return (
    <div className="card">
      <h2>{t('chair.gather')}</h2>
      <button
        type="button"
        className="primary"
        onClick={() => void importFiles(pkg, message('chair.import'))}
      >
        {t('chair.import')}
      </button>
      <LocalProfileImport pkg={pkg} />
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
      <h3>{t('chair.board')}</h3>
      <ul className="plain board" data-testid="board">
        {pkg.panel.experts.map((e) => {
          const sheet = sheets.find((x) => x.expertId === e.id);
          const recused = sheet?.scores.filter((s) => s.recusal).map((s) => s.applicantId) ?? [];
          const status = !sheet
            ? t('chair.missing')
            : gathered.some((g) => g.expertId === e.id)
              ? t('chair.submitted')
              : e.id === chairId
                ? t('chair.ownSheet')
                : paper.some((p) => p.record.sheet.expertId === e.id)
                  ? t('paper.boardStatus')
                  : t('chair.submitted');
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
