/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from the code's alphabet — the digits and the
 * capital letters but I, O, Z, S, V — the 9th to 17th digits the organisation code, the 18th a
 * check character. THE rule for a credit code at every door (the bureau's lists at their cell,
 * the review package's schema), each problem said as what to correct.
 *
 * Not yet checked: the 18th character against the weighted checksum of the first 17 (GB 32100
 * §5). The sample package's made-up codes (91650200MA78A1B2C3, 12650000MB1234567X, …) fail it;
 * checking it here first means new sample codes, the sample's signed bundle and the templates.
 */

/** The characters a credit code is written in, in the order of their values (0–30). */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/**
 * What is wrong with a credit code as written (already trimmed, NFKC, upper case), or null:
 * 「统一社会信用代码应为 18 位（填写的是 5 位）」, a character outside the code's alphabet named by its
 * place, or a check character (18th) that cannot be one: 「统一社会信用代码校验码不对…」.
 */
export function creditCodeProblem(code: string): string | null {
  const chars = [...code];
  if (chars.length !== 18) return `统一社会信用代码应为 18 位（填写的是 ${chars.length} 位）`;
  const check = chars[17] ?? '';
  const bad = chars.slice(0, 17).findIndex((ch) => !ALPHABET.includes(ch));
  if (bad >= 0)
    return `统一社会信用代码第 ${bad + 1} 位“${chars[bad] ?? ''}”不是可用的字符（只用数字和除 I、O、Z、S、V 以外的大写字母）`;
  if (chars.slice(2, 8).some((ch) => !/\d/.test(ch)))
    return '统一社会信用代码第 3 至 8 位应为数字（登记管理机关行政区划码）';
  if (!ALPHABET.includes(check))
    return `统一社会信用代码校验码不对：第 18 位“${check}”不是校验码可用的字符（只用数字和除 I、O、Z、S、V 以外的大写字母），请核对营业执照`;
  return null;
}
