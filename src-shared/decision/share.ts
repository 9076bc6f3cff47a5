/**
 * The “赛马” stage's share of each solver's approved funds (第十三条（三）: the race stage pays each
 * solver 一定比例的项目经费; the measures give no number, the panel writes its own). One reader for
 * every door — the chair's field, the decision drafted from it, the checks, the CLI — and one way
 * to show it: as officials write it, a percentage (30%).
 *
 * The stored (wire) value is unchanged: a decimal string between 0 and 1 with at most four places
 * (`HorseRaceSchema.raceStageShare`, "0.3"), so bundles signed before read as they did.
 */
import { dec } from '../money';
import { stripInvisible, toHalfWidthDigits } from '../text/normalize';

/** The forms a share is written in, as a refusal says them. */
export const SHARE_FORMS = '百分数或小数，如 30% 或 0.3（全角 ３０％、０．３ 亦可）';

/** The wire form: a decimal from 0 to 1, at most four places (as `HorseRaceSchema` keeps it). */
export const WIRE_SHARE = /^0(\.\d{1,4})?$|^1$/;

export type ShareInput = { ok: true; value: string | null } | { ok: false; message: string };

/**
 * Reads a share as typed: `0.3`, `.3`, `30%`, `30 %`, full-width `０．３`, `３０％` (and invisible
 * characters dropped) all read as the wire's `"0.3"`; `''` is "not entered" (null). Anything else —
 * `三成`, `3/10`, `0.3.1`, a sixth decimal place — is refused, saying the accepted forms. Whether
 * the share is above 0 and below 100% is `judgeShare`'s (the field, the file's schema) and the
 * decision check's (`horseRace.stageShare`).
 */
export function readShare(raw: string): ShareInput {
  const text = toHalfWidthDigits(stripInvisible(raw))
    .replace(/\uFF05/gu, '%')
    .trim();
  if (text === '') return { ok: true, value: null };
  const percent = /^(\d+(?:\.\d+)?|\.\d+)\s*%$/u.exec(text);
  const plain = /^(\d+(?:\.\d+)?|\.\d+)$/u.exec(text);
  const digits = percent?.[1] ?? plain?.[1];
  if (digits === undefined)
    return { ok: false, message: `“${raw.trim()}”不是比例：请填写${SHARE_FORMS}` };
  const value = percent ? dec(digits).div(100) : dec(digits);
  if (value.decimalPlaces() > 4)
    return {
      ok: false,
      message: `“${raw.trim()}”的位数过多：比例最多精确到 0.01%（小数最多四位），请填写${SHARE_FORMS}`,
    };
  return { ok: true, value: value.toFixed() };
}

export type ShareJudged =
  { ok: true; value: string | null; warning: string | null } | { ok: false; message: string };

/** Where a share is written: typed in the chair's field (30% or 0.3), or in a file (0.3 only). */
export type ShareForm = 'typed' | 'wire';

/** 0.0030 → 0.003, 30 → 30: a decimal as it is best written. */
const plainDecimal = (d: ReturnType<typeof dec>) => d.toFixed();

/**
 * The share read and judged against 第十三条（三） — 一定比例: above 0, below 100% — saying what
 * was read and why it fails, the one sentence of every door (the chair's field as typed; a
 * file's `raceStageShare` through `HorseRaceSchema`, as `jiebang check` says it):
 * `30` → 「30 读作 3000%：…如意为 30%，请写 30% 或 0.3」, `0` → 「0 读作 0%：…须大于 0…」.
 * A share the measures allow but so small it looks mistyped (below 1%: `0.3%` for 30%) is taken,
 * with a warning asking whether 30% was meant. `''` is "not entered" (null, no sentence here:
 * the decision check's `horseRace.stageShare` says the measures want one).
 */
export function judgeShare(raw: string, form: ShareForm = 'typed'): ShareJudged {
  const typed = raw.trim();
  const read = readShare(raw);
  const write = (d: ReturnType<typeof dec>) =>
    form === 'typed' ? `${plainDecimal(d.times(100))}% 或 ${plainDecimal(d)}` : plainDecimal(d);
  if (!read.ok) return read;
  if (read.value === null) return { ok: true, value: null, warning: null };
  const value = dec(read.value);
  const percent = `${plainDecimal(value.times(100))}%`;
  const said = typed === percent ? typed : `${typed} 读作 ${percent}`;
  const bounds = '“赛马”阶段拨付比例须大于 0、小于 100%（第十三条（三）：拨付一定比例项目经费）';
  const wireNote = form === 'wire' ? '；文件中写作 0 到 1 之间的小数（至多四位）' : '';
  if (value.isZero() || value.gte(1)) {
    // A plain number from 1 to 100 was most likely meant as a percentage (30 for 30%).
    const meant =
      !typed.includes('%') && !typed.includes('％') && value.gt(1) && value.lt(100)
        ? `如意为 ${plainDecimal(value)}%，请写 ${write(value.div(100))}`
        : `请写如 ${write(dec('0.3'))}`;
    return { ok: false, message: `${said}：${bounds}${wireNote}，${meant}` };
  }
  if (form === 'wire' && !WIRE_SHARE.test(typed))
    return {
      ok: false,
      message: `${said}：文件中写作 0 到 1 之间的小数（至多四位），即 ${plainDecimal(value)}`,
    };
  if (value.lt('0.01')) {
    const meant = value.times(100);
    return {
      ok: true,
      value: read.value,
      warning: `${said}，比例很小（不足 1%）：如意为 ${plainDecimal(meant.times(100))}%，请写 ${write(meant)}`,
    };
  }
  return { ok: true, value: read.value, warning: null };
}

/** The share as the wire keeps it, for the draft: read when it reads, else as typed (refused). */
export function shareForWire(raw: string): string {
  const read = readShare(raw);
  return read.ok && read.value !== null ? read.value : raw.trim();
}

/** A stored share as officials write it: "0.3" → 30%, "0.125" → 12.5%; anything else as it is. */
export function formatShare(share: string): string {
  return WIRE_SHARE.test(share) ? `${dec(share).times(100).toFixed()}%` : share;
}
