/**
 * The visit's date against today: a report records a visit that took place. A module of its own,
 * importing only the date formatter, so the renderer's string table (made from its sentence) loads
 * no schema.
 */
import { formatDateZh } from '../text/date';

/**
 * Why a visit date is refused as after today: a report records a visit that took place
 * (第十二条（二）「必要时组织专家进行实地考察」). The one sentence of every door — the report's date
 * field (after 「考察日期：」), its checks before signing, the bureau's desk and `jiebang inspection
 * ingest` / `check` (after 「考察日期 」); the screens' Chinese is made from it (i18n/inspection.ts).
 */
export const visitAfterTodayText = (date: string, today: string): string =>
  `${afterTodayText(date, today)}，考察报告记录的是已经进行的实地考察`;

/** 「2026年12月16日晚于今天（2026年12月15日）」: the day against today, as the two rules say it. */
const afterTodayText = (date: string, today: string): string =>
  `${formatDateZh(date)}晚于今天（${formatDateZh(today)}）`;

/**
 * Why an assignment's day of issue is refused as after today — the same rule as the visit's
 * (`visitAfterToday`): the team files its report on a visit after the assignment is issued, so an
 * assignment dated later would hold its report back until that day. Said after 「签发日期」 by
 * every door that reads an assignment file (`readAssignment`: jiebang inspection assign, check).
 */
export const issuedAfterTodayText = (date: string, today: string): string =>
  `${afterTodayText(date, today)}：考察任务签发后考察组才能考察并提交报告，签发日期不能晚于今天`;

/**
 * Whether the visit's date is after `today` (both YYYY-MM-DD; `today` in the door's clock: the
 * renderer's deps, the CLI's — never read here).
 */
export const visitAfterToday = (date: string, today: string): boolean => date > today;
