import type { ReviewPackage, ScoreSheet } from '../../../../src-shared/model';
import type { AggregateResult } from '../../../../src-shared/scoring';
import { useT } from '../../i18n';
import { HorseRaceChart } from './HorseRaceChart';
import { SolverColumn } from './SolverColumn';

/** Two or three horse-race solvers side by side (第十二条（五）), printable. */
export function HorseRaceComparison({
  pkg,
  agg,
  sheets,
  solverIds,
}: {
  pkg: ReviewPackage;
  agg: AggregateResult;
  sheets: readonly ScoreSheet[];
  solverIds: readonly string[];
}) {
  const t = useT();
  return (
    <section className="card comparison" data-testid="comparison">
      <div className="row">
        <h2>{t('compare.heading')}</h2>
        <span className="spacer" />
        <button type="button" className="no-print" onClick={() => window.print()}>
          {t('compare.print')}
        </button>
      </div>
      <HorseRaceChart pkg={pkg} agg={agg} solverIds={solverIds} />
      <div className={`compare-grid cols-${solverIds.length}`}>
        {solverIds.map((id) => (
          <SolverColumn key={id} pkg={pkg} agg={agg} sheets={sheets} applicantId={id} />
        ))}
      </div>
    </section>
  );
}
