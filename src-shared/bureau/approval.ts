/**
 * 审定 and 公示 (第十二条（六）): the bureau approves a round's recommended solvers and total
 * funding on a date, and publishes them for 5 working days from the next day, counted on the
 * calendar (statutory holidays skipped, make-up working days counted); a year the calendar does
 * not cover is refused with the way to import its calendar bundle. The round's stage follows:
 * issued → results in → approved → publicity → task book signed. Pure; both the desk and the CLI
 * call it.
 */
import { z } from 'zod';
import { addDays, publicityWindow, type WorkingCalendar } from '../calendar';
import { fmtMoney } from '../money';
import { DateSchema, type ReviewPackage } from '../model';
import { MEASURES_TITLE } from '../rules/in-force';
import { formatDateZh } from '../text/date';
import type { IngestRecord } from './ingest';
import type { Notice } from './notice';

/** Working days of the publicity (第十二条（六）). */
export const PUBLICITY_WORKING_DAYS = 5;

export const ApprovalSchema = z.object({
  /** The day the bureau approved (审定), YYYY-MM-DD. */
  approvedOn: z.string(),
  /** The publicity window: its first and last day and every working day counted. */
  publicity: z.object({
    start: z.string(),
    end: z.string(),
    days: z.array(z.object({ date: z.string(), isMakeUp: z.boolean() })),
  }),
});
export type Approval = z.infer<typeof ApprovalSchema>;

export type ApprovalResult = { ok: true; approval: Approval } | { ok: false; reason: string };

/**
 * Approves a round on `approvedOn` (YYYY-MM-DD). Refused when the panel's result has a blocking
 * finding (it cannot found a project), or when the calendar cannot count the window.
 */
export function approveRound(
  record: IngestRecord,
  approvedOn: string,
  calendar: WorkingCalendar,
): ApprovalResult {
  // The one date rule (a day that exists, in the years a form takes), before any counting.
  const day = DateSchema.safeParse(approvedOn);
  if (!day.success)
    return { ok: false, reason: `审定日期：${day.error.issues[0]?.message ?? approvedOn}` };
  if (!record.ok)
    return {
      ok: false,
      reason: `评审轮次 ${record.packageId} 的专家组评审结果有阻断问题，不能审定（第十二条（六））`,
    };
  if (record.decision.recommendedIds.length === 0)
    return {
      ok: false,
      reason: `评审轮次 ${record.packageId} 没有揭榜方建议名单，无可审定（第十二条（六））`,
    };
  const window = publicityWindow(calendar, addDays(day.data, 1), PUBLICITY_WORKING_DAYS);
  if (!window.ok)
    return {
      ok: false,
      reason: `${window.reason.replace(/。$/, '')}。请先导入该年的日历文件包（文件包核验 → 导入此日历，或 jiebang calendar import），再审定`,
    };
  return {
    ok: true,
    approval: {
      approvedOn: day.data,
      publicity: { start: window.start, end: window.end, days: window.days },
    },
  };
}

/**
 * The publicity notice (项目立项公示): 项目名称, 揭榜方, 经费, the window — one text for screen and
 * print. A public notice: it ends with the bureau that publishes it, no hand-over signatures.
 */
export function publicityNotice(pkg: ReviewPackage, record: IngestRecord, a: Approval): Notice {
  const name = (id: string) => pkg.applicants.find((x) => x.id === id)?.name ?? id;
  const d = record.decision;
  const funding = (id: string) => d.approvedFunding.find((f) => f.applicantId === id)?.amount;
  return {
    title: `“揭榜挂帅”项目立项公示：${pkg.demand.title}`,
    rows: [
      ['项目名称', pkg.demand.title],
      ['榜单编号', pkg.demand.id],
      ['发榜方', pkg.demand.issuer.name],
      ...d.recommendedIds.map((id): [string, string] => {
        const amount = funding(id);
        return [
          `揭榜方 ${id}`,
          `${name(id)}${amount === undefined ? '' : `，经费 ${fmtMoney(amount)}`}`,
        ];
      }),
      ['项目经费总额', fmtMoney(d.approvedTotal)],
      ...(d.horseRace
        ? [['立项方式', '赛马制（平行立项、择优支持）'] satisfies [string, string]]
        : []),
      ['审定日期', formatDateZh(a.approvedOn)],
      [
        '公示期',
        `${formatDateZh(a.publicity.start)}至${formatDateZh(a.publicity.end)}（${PUBLICITY_WORKING_DAYS}个工作日）`,
      ],
    ],
    footer: [
      `计入的工作日：${a.publicity.days.map((x) => `${formatDateZh(x.date)}${x.isMakeUp ? '（调休上班）' : ''}`).join('、')}`,
      `依据${MEASURES_TITLE}第十二条（六）：揭榜方建议名单和项目经费总额经市科技局审定后，向社会公示 ${PUBLICITY_WORKING_DAYS} 个工作日。公示期内如有异议，请向市科技局书面反映。`,
    ],
    signLines: [pkg.bureau.name],
  };
}

/** Where a round stands on the bureau's desk. */
export type RoundStage = 'issued' | 'results-in' | 'approved' | 'publicity' | 'taskbook-signed';

/**
 * The stage of a round: issued until a panel result is in; approved once 审定 is recorded;
 * in publicity from the window's first day; task book signed once the bureau recorded it.
 */
export function roundStage(
  round: { record?: IngestRecord; approval?: Approval; taskbookSignedOn?: string },
  today: string,
): RoundStage {
  if (round.taskbookSignedOn) return 'taskbook-signed';
  if (round.approval) return today >= round.approval.publicity.start ? 'publicity' : 'approved';
  return round.record ? 'results-in' : 'issued';
}
