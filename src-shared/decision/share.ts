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
const WIRE = /^0(\.\d{1,4})?$|^1$/;

export type ShareInput = { ok: true; value: string | null } | { ok: false; message: string };

/**
 * Reads a share as typed: `0.3`, `.3`, `30%`, `30 %`, full-width `０．３`, `３０％` (and invisible
 * characters dropped) all read as the wire's `"0.3"`; `''` is "not entered" (null). Anything else —
 * `三成`, `3/10`, `0.3.1`, a sixth decimal place — is refused, saying the accepted forms. Whether
 * the share is above 0 and below 100% is the decision check's (`horseRace.stageShare`).
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

/** The share as the wire keeps it, for the draft: read when it reads, else as typed (refused). */
export function shareForWire(raw: string): string {
  const read = readShare(raw);
  return read.ok && read.value !== null ? read.value : raw.trim();
}

/** A stored share as officials write it: "0.3" → 30%, "0.125" → 12.5%; anything else as it is. */
export function formatShare(share: string): string {
  return WIRE.test(share) ? `${dec(share).times(100).toFixed()}%` : share;
}
