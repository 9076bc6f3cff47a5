/**
 * 无操作自动锁定（分钟）: how long a profile may sit unlocked with no keyboard, pointer or wheel
 * input before it locks (DESIGN: "idle auto-lock"; 第七条 保密: what the expert keeps is theirs
 * alone). Neither the measures nor DESIGN.md give a range, so this is the one chosen here: from
 * 0.1 minute (six seconds, the shortest a person or a test may want) to 120 minutes (two hours: a
 * profile left longer unattended is no longer guarded), in plain decimals (10, 0.5); 10 minutes
 * unless set. One rule for the field on 账户与安全 and for what the idle lock reads back from
 * storage: a value out of range is refused at the field and never stored, and one found stored
 * anyway is not used (the default is).
 */

import { parsePlainDecimal } from './text/normalize';

export const AUTOLOCK_MINUTES = { min: 0.1, max: 120, default: 10 } as const;

/** The refusal of `typed` (as typed), in the rule's words: the range it must be in. */
export const autoLockRefusalText = (typed: string): string =>
  `${typed === '' ? '未填写分钟数' : `“${typed}”不可用`}：无操作自动锁定须为 ${AUTOLOCK_MINUTES.min} 至 ${AUTOLOCK_MINUTES.max} 分钟之间的数（如 10 或 0.5）`;

export type AutoLockRead = { ok: true; minutes: number } | { ok: false; typed: string };

/** The minutes typed (or stored), read by the rule: a plain decimal within the range, or refused. */
export function readAutoLockMinutes(text: string): AutoLockRead {
  const typed = text.trim();
  // The one reader of a typed decimal: full-width digits (１０, from a Chinese IME) read as digits.
  const read = parsePlainDecimal(text);
  if (!read.ok || read.value === null) return { ok: false, typed };
  const minutes = read.value;
  return minutes >= AUTOLOCK_MINUTES.min && minutes <= AUTOLOCK_MINUTES.max
    ? { ok: true, minutes }
    : { ok: false, typed };
}
