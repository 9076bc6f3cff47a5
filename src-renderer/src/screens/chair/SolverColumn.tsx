import { fmt2, fmtMoney } from '../../../../src-shared/money';
import type { ReviewPackage, ScoreSheet } from '../../../../src-shared/model';
import { NO_VALID_SHEETS, type AggregateResult } from '../../../../src-shared/scoring';
import { useT, type T } from '../../i18n';

/** Strengths and risks as the experts wrote them: comments on criteria scored high or low. */
function comments(pkg: ReviewPackage, sheets: readonly ScoreSheet[], applicantId: string, t: T) {
  const strengths: string[] = [];
  const risks: string[] = [];
  for (const sheet of sheets) {
    const score = sheet.scores.find((s) => s.applicantId === applicantId);
    if (!score || score.recusal) continue;
    for (const c of score.criteria) {
      const criterion = pkg.rubric.criteria.find((x) => x.id === c.criterionId);
      if (!criterion || c.comment.trim() === '') continue;
      const ratio = c.points / criterion.maxPoints;
      const line = t('compare.comment', {
        criterion: criterion.name,
        comment: c.comment,
        expert: sheet.expertId,
      });
      if (ratio >= 0.85) strengths.push(line);
      else if (ratio < 0.75) risks.push(line);
    }
    if (score.deviationReason)
      risks.push(t('compare.reason', { reason: score.deviationReason, expert: sheet.expertId }));
  }
  return { strengths: [...new Set(strengths)].slice(0, 4), risks: [...new Set(risks)].slice(0, 4) };
}

function Lines({ items }: { items: readonly string[] }) {
  return (
    <ul>
      {items.length > 0 ? items.map((s) => <li key={s}>{s}</li>) : <li className="note">—</li>}
    </ul>
  );
}

/** One solver of the comparison: route, score, funds asked, chief expert, strengths, risks. */
export function SolverColumn({
  pkg,
  agg,
  sheets,
  applicantId,
}: {
  pkg: ReviewPackage;
  agg: AggregateResult;
  sheets: readonly ScoreSheet[];
  applicantId: string;
}) {
  const t = useT();
  const a = pkg.applicants.find((x) => x.id === applicantId);
  const r = agg.results.find((x) => x.applicantId === applicantId);
  if (!a || !r) return null;
  const { strengths, risks } = comments(pkg, sheets, applicantId, t);
  const indicator = (id: string) => pkg.demand.indicators.find((x) => x.id === id)?.target ?? id;
  return (
    <div className="compare-col">
      <h3>
        {a.id} {a.name}
      </h3>
      <p>{t('compare.route', { route: a.technicalRoute.label })}</p>
      <p className="note">{a.technicalRoute.summary}</p>
      <p>
        {r.final === null
          ? t('compare.scoreNone', { none: NO_VALID_SHEETS })
          : t('compare.score', { score: fmt2(r.final), rank: r.rank ?? '—', n: r.validSheets })}
      </p>
      <p>{t('compare.requested', { amount: fmtMoney(a.requestedFunding) })}</p>
      <p>{t('compare.chiefExpert', { name: a.chiefExpert.name, title: a.chiefExpert.title })}</p>
      <h4>{t('compare.strengths')}</h4>
      <Lines items={strengths} />
      <h4>{t('compare.risks')}</h4>
      <Lines items={risks} />
      <h4>{t('compare.milestones')}</h4>
      <Lines
        items={a.milestones.map((m) =>
          t('compare.milestone', {
            month: m.month,
            title: m.title,
            deliverables: m.deliverables.join(t('common.listSep')),
            targets: m.indicatorIds.map(indicator).join(t('common.listSep')),
          }),
        )}
      />
    </div>
  );
}
