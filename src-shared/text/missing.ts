/**
 * What every door says for a required field left empty or left out, in Chinese: zod's locale for
 * a missing key (src-shared/validation-messages.ts, which adds the English) and the date rule for
 * an empty date (src-shared/text/date.ts) say the same words.
 */
export const MISSING = '缺少此项（必填）';
