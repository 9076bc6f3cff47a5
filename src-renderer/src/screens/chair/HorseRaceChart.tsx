import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  LinearScale,
  Tooltip,
  type TooltipModel,
} from 'chart.js';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { fmt2 } from '../../../../src-shared/money';
import type { ReviewPackage } from '../../../../src-shared/model';
import type { AggregateResult } from '../../../../src-shared/scoring';
import { useT } from '../../i18n';

// Chart.js with only what a bar chart needs (tree-shaken: no other controllers or scales; the
// legend is HTML above the canvas, the tooltip HTML over it).
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

const COLORS = ['#9e1b1b', '#0969da', '#1a7f37'];

/** One solver's bars: its mean per criterion as shown (two places, half-up), 0 with none. */
export interface RaceSeries {
  id: string;
  name: string;
  color: string;
  /** Per criterion, in the rubric's order: the mean as displayed, or null with no valid sheet. */
  figures: readonly (string | null)[];
}

/** What the comparison's chart draws: the rubric's criteria and one series per solver. */
export function raceBars(
  pkg: ReviewPackage,
  agg: AggregateResult,
  solverIds: readonly string[],
): { criteria: readonly { id: string; name: string }[]; series: readonly RaceSeries[] } {
  return {
    criteria: pkg.rubric.criteria.map((c) => ({ id: c.id, name: c.name })),
    series: solverIds.map((id, i) => {
      const means = agg.results.find((r) => r.applicantId === id)?.criterionMeans;
      return {
        id,
        name: pkg.applicants.find((a) => a.id === id)?.name ?? id,
        color: COLORS[i % COLORS.length] ?? '#555',
        figures: pkg.rubric.criteria.map((c) => {
          const mean = means?.[c.id];
          return mean === undefined ? null : fmt2(mean);
        }),
      };
    }),
  };
}

/**
 * The horse-race solvers' mean per criterion as grouped bars (第十二条（五）), drawn on one
 * canvas by Chart.js (issue 22: recharts' synchronous store updates were the desk's longest
 * task). Hovering a criterion, or focusing the chart and moving with ←/→, shows its figures in a
 * tooltip; the same figures are in the table under it for screen readers and print.
 */
export function HorseRaceChart({
  pkg,
  agg,
  solverIds,
}: {
  pkg: ReviewPackage;
  agg: AggregateResult;
  solverIds: readonly string[];
}) {
  const t = useT();
  const tipId = useId();
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart<'bar'> | null>(null);
  const [tip, setTip] = useState<{ index: number; x: number; y: number } | null>(null);
  const bars = raceBars(pkg, agg, solverIds);
  const { criteria, series } = bars;
  // What the chart draws, kept while it is the same (compared by its text): the chart is made
  // again only when that changes, not on every render of the desk (React's state adjusted while
  // rendering).
  const key = JSON.stringify([criteria, series]);
  const [drawn, setDrawn] = useState({ key, bars });
  if (drawn.key !== key) setDrawn({ key, bars });
  useEffect(() => {
    const el = canvas.current;
    if (!el) return;
    const { criteria, series } = drawn.bars;
    const external = ({ tooltip }: { tooltip: TooltipModel<'bar'> }) => {
      const index = tooltip.dataPoints[0]?.dataIndex;
      setTip(
        tooltip.opacity === 0 || index === undefined
          ? null
          : { index, x: tooltip.caretX, y: tooltip.caretY },
      );
    };
    const made = new Chart(el, {
      type: 'bar',
      data: {
        labels: criteria.map((c) => c.name),
        datasets: series.map((s) => ({
          label: `${s.id} ${s.name}`,
          data: s.figures.map((f) => (f === null ? 0 : Number(f))),
          backgroundColor: s.color,
        })),
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        interaction: { mode: 'index', intersect: false },
        font: { family: getComputedStyle(el).fontFamily },
        // The points as plain numbers (Chart.js' default makes an Intl.NumberFormat on first
        // draw: ≈ a fifth of the chart's first task in the desk's profile).
        scales: { y: { beginAtZero: true, ticks: { callback: (v) => String(v) } } },
        plugins: { legend: { display: false }, tooltip: { enabled: false, external } },
      },
      // Marks the canvas once drawn (what the e2e and the bench wait for).
      plugins: [{ id: 'drawn', afterRender: (c) => c.canvas.setAttribute('data-drawn', 'true') }],
    });
    chart.current = made;
    return () => {
      made.destroy();
      chart.current = null;
      setTip(null);
    };
  }, [drawn]);
  // The tooltip hidden: on Escape, and when the keyboard's focus leaves the chart.
  const hide = () => {
    const made = chart.current;
    if (made) {
      made.tooltip?.setActiveElements([], { x: 0, y: 0 });
      made.update('none');
    }
    setTip(null);
  };
  // ←/→ on the focused chart move the tooltip from criterion to criterion, Escape hides it.
  const onKey = (e: KeyboardEvent<HTMLCanvasElement>) => {
    const made = chart.current;
    if (!made || criteria.length === 0) return;
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (e.key === 'Escape') {
      hide();
      return;
    }
    if (step === 0) return;
    e.preventDefault();
    const index = tip === null ? 0 : (tip.index + step + criteria.length) % criteria.length;
    show(made, index);
  };
  const onFocus = () => {
    if (chart.current && tip === null && criteria.length > 0) show(chart.current, 0);
  };
  const shown = tip === null ? undefined : criteria[tip.index];
  return (
    <>
      <ul className="chart-legend" aria-hidden="true">
        {series.map((s) => (
          <li key={s.id}>
            <span className="swatch" style={{ background: s.color }} />
            {`${s.id} ${s.name}`}
          </li>
        ))}
      </ul>
      <div className="chart small race-chart">
        <canvas
          ref={canvas}
          role="img"
          tabIndex={0}
          aria-label={t('compare.chartAlt', { n: series.length })}
          aria-describedby={shown === undefined ? undefined : tipId}
          data-testid="race-chart"
          onKeyDown={onKey}
          onFocus={onFocus}
          onBlur={hide}
        />
        {tip && shown !== undefined && (
          <div
            id={tipId}
            role="tooltip"
            className="chart-tip"
            data-testid="race-tip"
            style={{ left: tip.x, top: tip.y }}
          >
            <strong>{shown.name}</strong>
            {series.map((s) => (
              <div key={s.id}>
                <span className="swatch" style={{ background: s.color }} />
                {t('compare.tipLine', {
                  id: s.id,
                  name: s.name,
                  figure: s.figures[tip.index] ?? '—',
                })}
              </div>
            ))}
          </div>
        )}
      </div>
      <table className="race-figures" data-testid="race-figures">
        <caption>{t('compare.figures')}</caption>
        <thead>
          <tr>
            <th>{t('compare.criterion')}</th>
            {series.map((s) => (
              <th key={s.id} className="num">
                {`${s.id} ${s.name}`}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {criteria.map((c, i) => (
            <tr key={c.id}>
              <th>{c.name}</th>
              {series.map((s) => (
                <td key={s.id} className="num">
                  {s.figures[i] ?? '—'}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** Shows the tooltip at criterion `index`, as a hover there would. */
function show(made: Chart<'bar'>, index: number): void {
  const active = made.data.datasets.map((_, datasetIndex) => ({ datasetIndex, index }));
  const bar = made.getDatasetMeta(0).data[index];
  made.tooltip?.setActiveElements(active, { x: bar?.x ?? 0, y: bar?.y ?? 0 });
  made.setActiveElements(active);
  made.update('none');
}
