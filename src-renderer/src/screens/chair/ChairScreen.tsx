import { useEffect, useMemo } from 'react';
import { summaryTable } from '../../../../src-shared/summary';
import { useT } from '../../i18n';
import { useChair } from '../../stores/chair';
import { useReview } from '../../stores/review';
import { chairDesk, deskSheets } from '../../workflows/desk';
import { DecisionForm } from './DecisionForm';
import { Distribution } from './Distribution';
import { GatherCard } from './GatherCard';
import { PaperCard } from './PaperCard';
import { RankingTable } from './RankingTable';
import { MeetingPrint } from '../meeting/MeetingPrint';

/** 组长汇总: gather the sheets, see every figure, decide, sign (the chair only, 第十二条（五）). */
export function ChairScreen() {
  const t = useT();
  const { pkg, enrolment, sheet: own, load: loadReview } = useReview();
  const { gathered, paper, choices, load } = useChair();
  useEffect(() => {
    void loadReview();
  }, [loadReview]);
  useEffect(() => {
    if (pkg) void load(pkg.packageId);
  }, [pkg, load]);
  const isChair =
    pkg &&
    enrolment &&
    pkg.panel.experts.find((e) => e.id === enrolment.expertId)?.role === 'chair';
  // The transcribed paper sheets, the imported sheets and the chair's own submitted sheet, as
  // every door gathers them.
  const sheets = useMemo(
    () => (pkg ? deskSheets(pkg, gathered, own, paper) : []),
    [pkg, gathered, own, paper],
  );
  const desk = useMemo(
    () =>
      pkg && enrolment
        ? chairDesk(pkg, sheets, choices, enrolment.expertId, new Date().toISOString())
        : null,
    [pkg, sheets, choices, enrolment],
  );
  // The 评分汇总表 once: the ranking table and the chart both draw from it.
  const agg = desk?.analysis.agg;
  const table = useMemo(() => (pkg && agg ? summaryTable(pkg, agg) : null), [pkg, agg]);
  if (!pkg || !enrolment || !isChair || !desk || !table) {
    return (
      <section className="screen">
        <h1>{t('chair.heading')}</h1>
        <p className="note">{t('chair.onlyChair')}</p>
      </section>
    );
  }
  return (
    <section className="screen wide">
      <h1>{t('chair.heading')}</h1>
      <GatherCard pkg={pkg} sheets={sheets} chairId={enrolment.expertId} />
      <PaperCard pkg={pkg} />
      <h2>{t('chair.ranking')}</h2>
      <RankingTable pkg={pkg} agg={desk.analysis.agg} table={table} />
      <h3>{t('chair.distribution')}</h3>
      <Distribution pkg={pkg} table={table} />
      {sheets.length > 0 && <DecisionForm pkg={pkg} desk={desk} sheets={sheets} own={own} />}
      <MeetingPrint
        input={
          sheets.length > 0 ? { pkg, agg: desk.analysis.agg, decision: desk.decision } : { pkg }
        }
      />
    </section>
  );
}
