/**
 * 第二十三条: the measures are in force 30 days after publication (published 2025-02-26, so from
 * 2025-03-28) for 5 years (to 2030-03-27). A review or a task book begun outside that window is
 * warned about; later documents of a project begun inside it are not.
 */
import { addDays, addYears } from '../calendar';
import { finding, type Finding } from './finding';
import { formatDateZh } from '../text/date';

export { MEASURES_TITLE } from './title';

/** 克科规〔2025〕1号 published on 2025-02-26. */
export const MEASURES_PUBLISHED = '2025-02-26';
/** In force from the 30th day after publication (第二十三条). */
export const MEASURES_IN_FORCE_FROM = addDays(MEASURES_PUBLISHED, 30);
/** Valid for 5 years: the last day in force. */
export const MEASURES_IN_FORCE_TO = addDays(addYears(MEASURES_IN_FORCE_FROM, 5), -1);

/** A warning when `date` (what it is: `what`) falls outside the measures' period of validity. */
export function checkMeasuresInForce(
  date: string,
  what: string,
  path: (string | number)[],
): Finding[] {
  if (date >= MEASURES_IN_FORCE_FROM && date <= MEASURES_IN_FORCE_TO) return [];
  return [
    finding(
      'measures.inForce',
      '第二十三条',
      'warning',
      `${what}${formatDateZh(date)}${date < MEASURES_IN_FORCE_FROM ? '早于' : '晚于'}本办法的有效期（${formatDateZh(MEASURES_IN_FORCE_FROM)}至${formatDateZh(MEASURES_IN_FORCE_TO)}），请核实适用的管理办法`,
      path,
    ),
  ];
}
