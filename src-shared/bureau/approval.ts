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

export type ApprovalResult =
  | {
      ok: true;
      approval: Approval;
      /** A second 审定 that moves the date or the publicity window, said in words; else null. */
      moved: string | null;
    }
  | { ok: false; reason: string };

/** What the round already holds that a 审定 date is judged against. */
export interface ApprovalContext {
  /** The package's review date (评审日期, `schedule.reviewDate`). */
  reviewDate: string;
  /**
   * Today, YYYY-MM-DD, in the door's clock (the desk's local date; never read here): a 审定 date
   * after it is refused (`approvalAfterToday`).
   */
  today: string;
  /** The 审定 already recorded for the round, which a second one replaces. */
  previous?: Approval;
}

/**
 * 审定 follows the review (第十二条（五）（六）: the panel proposes, then the bureau approves): a
 * date before the review date, or before the day the panel's decision was made, is refused.
 */
export function approvalTooEarly(
  approvedOn: string,
  reviewDate: string,
  decidedAt: string,
): string | null {
  const decided = decidedAt.slice(0, 10);
  if (approvedOn < reviewDate)
    return `审定日期 ${formatDateZh(approvedOn)} 早于评审日期 ${formatDateZh(reviewDate)}：揭榜方建议名单经专家评审提出后，才由市科技局审定（第十二条（六））`;
  if (approvedOn < decided)
    return `审定日期 ${formatDateZh(approvedOn)} 早于专家组作出评审结论的日期 ${formatDateZh(decided)}：揭榜方建议名单经专家评审提出后，才由市科技局审定（第十二条（六））`;
  return null;
}

/**
 * 审定 records a decision the bureau has made (第十二条（六）「经市科技局审定后，向社会公示」): a date
 * after `today` (both YYYY-MM-DD, `today` in the door's clock) is refused, as a visit after today
 * is refused on an inspection report (`visitAfterToday`). The one sentence of every door.
 */
export function approvalAfterToday(approvedOn: string, today: string): string | null {
  if (!(approvedOn > today)) return null;
  return `审定日期 ${formatDateZh(approvedOn)} 晚于今天（${formatDateZh(today)}）：审定日期记录的是市科技局已经作出的审定，公示期自其次日起计（第十二条（六））`;
}

const windowZh = (a: Approval) =>
  `${formatDateZh(a.publicity.start)}至${formatDateZh(a.publicity.end)}`;

/**
 * A second 审定 in words when it moves anything: its date and the publicity window counted from
 * it (第十二条（六）: 5 working days from the day after); null when it moves nothing.
 */
export function approvalMoved(previous: Approval, next: Approval): string | null {
  if (
    previous.approvedOn === next.approvedOn &&
    previous.publicity.start === next.publicity.start &&
    previous.publicity.end === next.publicity.end
  )
    return null;
  return `重新审定：审定日期由 ${formatDateZh(previous.approvedOn)} 改为 ${formatDateZh(next.approvedOn)}，公示期随之由 ${windowZh(previous)} 改为 ${windowZh(next)}（公示 ${PUBLICITY_WORKING_DAYS} 个工作日，第十二条（六））；已发布的公示须按新的公示期重新发布`;
}

/**
 * Approves a round on `approvedOn` (YYYY-MM-DD). Refused when the date is before the review
 * (`approvalTooEarly`) or after `context.today` (`approvalAfterToday`), when the panel's result has a blocking finding (it cannot found a
 * project), or when the calendar cannot count the window. A second 审定 (`context.previous`)
 * that moves the window says so (`moved`).
 */
export function approveRound(
  record: IngestRecord,
  approvedOn: string,
  calendar: WorkingCalendar,
  context: ApprovalContext,
): ApprovalResult {
  // The one date rule (a day that exists, in the years a form takes), before any counting.
  const day = DateSchema.safeParse(approvedOn);
  if (!day.success)
    return { ok: false, reason: `审定日期：${day.error.issues[0]?.message ?? approvedOn}` };
  const early = approvalTooEarly(day.data, context.reviewDate, record.decision.decidedAt);
  if (early !== null) return { ok: false, reason: early };
  const future = approvalAfterToday(day.data, context.today);
  if (future !== null) return { ok: false, reason: future };
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
  const approval: Approval = {
    approvedOn: day.data,
    publicity: { start: window.start, end: window.end, days: window.days },
  };
  return {
    ok: true,
    approval,
    moved: context.previous ? approvalMoved(context.previous, approval) : null,
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
