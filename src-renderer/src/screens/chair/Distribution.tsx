import { useEffect, useMemo, useRef, useState } from 'react';
import type { ReviewPackage } from '../../../../src-shared/model';
import type { SummaryTable } from '../../../../src-shared/summary';
import { useSay } from '../../i18n';
import {
  describeSpread,
  spreadOf,
  spreadSentence,
  type ApplicantSpread,
} from '../../workflows/distribution';

const HEIGHT = 240;
const MARGIN = { top: 10, right: 16, bottom: 26, left: 36 };
const RED = '#9e1b1b';

/**
 * Every expert's total per applicant, drawn on one canvas (issue 22: 200 applicants × 50 experts
 * are one element, not 10,000): per applicant a line from the lowest to the highest total, the
 * totals as dots, a bar at the figure the ranking uses. Its text alternative says the same in
 * figures, for the screen reader and under the chart.
 */
export function Distribution({ pkg, table }: { pkg: ReviewPackage; table: SummaryTable }) {
  const say = useSay();
  const spreads = useMemo(() => spreadOf(pkg, table), [pkg, table]);
  const summary = useMemo(() => describeSpread(spreads), [spreads]);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const box = canvas.current?.parentElement;
    if (!box) return;
    setWidth(box.clientWidth);
    const observer = new ResizeObserver(() => setWidth(box.clientWidth));
    observer.observe(box);
    return () => observer.disconnect();
  }, []);
  useEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    if (canvas.current && ctx && width > 0) draw(canvas.current, ctx, spreads, width);
  }, [spreads, width]);
  const alt = say(spreadSentence(summary));
  return (
    <>
      <div className="chart" data-testid="distribution">
        <canvas ref={canvas} role="img" aria-label={alt} />
      </div>
      <p className="note">{alt}</p>
    </>
  );
}

/** Draws the chart at `width` × HEIGHT CSS pixels (sharp on high-density screens). */
function draw(
  el: HTMLCanvasElement,
  ctx: CanvasRenderingContext2D,
  spreads: readonly ApplicantSpread[],
  width: number,
): void {
  const ratio = window.devicePixelRatio || 1;
  el.width = Math.round(width * ratio);
  el.height = Math.round(HEIGHT * ratio);
  el.style.width = `${width}px`;
  el.style.height = `${HEIGHT}px`;
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, width, HEIGHT);
  const plotW = Math.max(1, width - MARGIN.left - MARGIN.right);
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const y = (points: number) => MARGIN.top + plotH * (1 - Math.min(100, Math.max(0, points)) / 100);
  const n = Math.max(1, spreads.length);
  const step = plotW / n;
  const x = (i: number) => MARGIN.left + step * (i + 0.5);
  // Grid and the points axis (0–100).
  ctx.font = '11px sans-serif';
  ctx.fillStyle = '#555';
  ctx.strokeStyle = '#ddd';
  ctx.lineWidth = 1;
  ctx.setLineDash([3, 3]);
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (let v = 0; v <= 100; v += 20) {
    ctx.beginPath();
    ctx.moveTo(MARGIN.left, y(v) + 0.5);
    ctx.lineTo(MARGIN.left + plotW, y(v) + 0.5);
    ctx.stroke();
    ctx.fillText(String(v), MARGIN.left - 6, y(v));
  }
  ctx.setLineDash([]);
  // Applicants' ids along the bottom: every one when they fit, else about ten.
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  const every = spreads.length <= 20 ? 1 : Math.ceil(spreads.length / 10);
  spreads.forEach((s, i) => {
    if (i % every === 0) ctx.fillText(s.applicantId, x(i), MARGIN.top + plotH + 6);
  });
  // Per applicant: the range, the totals, the figure the ranking uses.
  const dot = step < 8 ? 1.5 : 3;
  const bar = Math.min(16, Math.max(4, step * 0.8));
  spreads.forEach((s, i) => {
    if (s.min === null || s.max === null) return;
    ctx.strokeStyle = '#d9b3b3';
    ctx.lineWidth = Math.min(6, Math.max(1, step * 0.4));
    ctx.beginPath();
    ctx.moveTo(x(i), y(s.min));
    ctx.lineTo(x(i), y(s.max));
    ctx.stroke();
    ctx.fillStyle = RED;
    ctx.globalAlpha = 0.6;
    for (const total of s.totals) {
      ctx.beginPath();
      ctx.arc(x(i), y(total), dot, 0, 2 * Math.PI);
      ctx.fill();
    }
    ctx.globalAlpha = 1;
    if (s.final !== null) {
      ctx.strokeStyle = '#222';
      ctx.lineWidth = 2;
      ctx.beginPath();
      ctx.moveTo(x(i) - bar / 2, y(s.final));
      ctx.lineTo(x(i) + bar / 2, y(s.final));
      ctx.stroke();
    }
  });
}
