// The strings this screen shows, first: its chunk carries them, registered before it renders.
import '../../i18n/chair';
import '../../i18n/meeting';
import '../../i18n/review';
import '../../i18n/paper';
import { useEffect, useMemo } from 'react';
import { fromAggregateWire } from '../../../../src-shared/scoring/aggregate-wire';
import { useT } from '../../i18n';
import { releaseChairFields, useChair } from '../../stores/chair';
import { useReview } from '../../stores/review';
import { chairDesk, deskOwnSheet, deskSheets, type DeskAnalysis } from '../../workflows/desk';
import { DecisionForm } from './DecisionForm';
import { Distribution } from './Distribution';
import { GatherCard } from './GatherCard';
import { PaperCard } from './PaperCard';
import { RankingTable } from './RankingTable';
import { SignedDecision } from './SignedDecision';
import { useStaged } from '../../components/useStaged';
import { MeetingPrint } from '../meeting/MeetingPrint';

/** 组长汇总: gather the sheets, see every figure, decide, sign (the chair only, 第十二条（五）). */
export function ChairScreen() {
  const t = useT();
  const { pkg, enrolment, sheet, load: loadReview } = useReview();
  const { gathered, paper, choices, view, decisionOf, signed, load, analyse } = useChair();
  const storing = useChair((s) => s.saving?.state === 'storing');
  // Signed: the chair's own sheet counts as it was signed with the result, or not at all.
  const own = deskOwnSheet(sheet, signed !== null, enrolment?.exportedAt);
  useEffect(() => {
    void loadReview();
  }, [loadReview]);
  // Gone: the decision form's fields hold nothing any more (not while locked: `fieldHolds`).
  useEffect(() => () => releaseChairFields(), []);
  // Loaded once per package (the review read again gives the same package as a new object: the
  // figures are kept, `analyse`, and the gathered sheets not read again).
  const packageId = pkg?.packageId;
  useEffect(() => {
    if (packageId) void load(packageId);
  }, [packageId, load]);
  // The figures are made in the desk's Web Worker (issue 22), again whenever the sheets change;
  // an import brings its own.
  useEffect(() => {
    if (pkg) void analyse(pkg, own);
  }, [pkg, own, gathered, paper, analyse]);
  const isChair =
    pkg &&
    enrolment &&
    pkg.panel.experts.find((e) => e.id === enrolment.expertId)?.role === 'chair';
  const made = view && pkg && view.pkg.packageId === pkg.packageId ? view.view : null;
  // The aggregation read back from the worker (decimals made on first read), its proposal.
  const analysis = useMemo(
    (): DeskAnalysis | null =>
      made
        ? {
            agg: fromAggregateWire(made.agg),
            problems: made.problems,
            setAside: made.setAside,
            proposal: made.proposal,
          }
        : null,
    [made],
  );
  // The sheets that count, as the worker counted them: the transcribed paper sheets, the
  // imported sheets and the chair's own submitted sheet, as every door gathers them.
  const sheets = useMemo(
    () =>
      pkg && view && made
        ? deskSheets(pkg, view.gathered, view.own, view.paper, new Set(made.counted))
        : [],
    [pkg, view, made],
  );
  const desk = useMemo(
    () =>
      pkg && enrolment && analysis
        ? chairDesk(pkg, analysis, choices, enrolment.expertId, new Date().toISOString())
        : null,
    [pkg, analysis, choices, enrolment],
  );
  // The 评分汇总表 as the worker made it: the ranking table and the chart both draw from it.
  const table = made?.table;
  const figures = useMemo(
    () => (analysis && table ? { analysis, table, sheets } : null),
    [analysis, table, sheets],
  );
  // The ranking paints first; the chart and the print buttons, the decision form, then the horse
  // race comparison follow with the new figures, each a frame later in a short task (issue 22).
  const [chart, form, race] = useStaged(figures, 3);
  const formDesk = useMemo(
    () =>
      pkg && enrolment && form
        ? chairDesk(pkg, form.analysis, choices, enrolment.expertId, new Date().toISOString())
        : null,
    [pkg, form, choices, enrolment],
  );
  // The decision as stored (the draft, or the signed result) is read before the form is shown.
  const decided = decisionOf === pkg?.packageId;
  const signedDecision = signed?.decision ?? null;
  if (!pkg || !enrolment || !isChair) {
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
      {desk && table ? (
        <>
          <RankingTable pkg={pkg} agg={desk.analysis.agg} table={table} />
          {chart && (
            <>
              <h3>{t('chair.distribution')}</h3>
              <Distribution pkg={pkg} table={chart.table} />
            </>
          )}
          {decided && signedDecision && <SignedDecision pkg={pkg} decision={signedDecision} />}
          {decided && !signedDecision && form && formDesk && form.sheets.length > 0 && (
            <DecisionForm
              pkg={pkg}
              desk={formDesk}
              sheets={form.sheets}
              own={own}
              comparison={race !== null}
            />
          )}
          {decided && form && formDesk && (
            <MeetingPrint
              waiting={storing}
              input={
                form.sheets.length > 0
                  ? {
                      pkg,
                      agg: formDesk.analysis.agg,
                      // Once signed, the forms print the signed result (the same code as its bundle).
                      decision: signedDecision ?? formDesk.decision,
                    }
                  : { pkg }
              }
            />
          )}
        </>
      ) : (
        <p className="note" aria-busy="true">
          {t('chair.analysing')}
        </p>
      )}
    </section>
  );
}
