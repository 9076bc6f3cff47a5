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
  `${formatDateZh(date)}晚于今天（${formatDateZh(today)}），考察报告记录的是已经进行的实地考察`;

/**
 * Whether the visit's date is after `today` (both YYYY-MM-DD; `today` in the door's clock: the
 * renderer's deps, the CLI's — never read here).
 */
export const visitAfterToday = (date: string, today: string): boolean => date > today;
