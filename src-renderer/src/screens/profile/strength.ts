/**
 * A passphrase strength estimate (0–4) from length and character variety, with CJK characters
 * counted as rich (a Chinese phrase is a good passphrase). Only a guide: the hard floor is 10
 * characters, and scrypt makes each guess expensive.
 */
export function passphraseStrength(p: string): 0 | 1 | 2 | 3 | 4 {
  const chars = [...p];
  if (chars.length < 10) return 0;
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9\s]/].filter((r) => r.test(p)).length;
  const cjk = chars.filter((c) => /\p{Script=Han}/u.test(c)).length;
  const unique = new Set(chars).size;
  const bits = unique < 4 ? 10 : chars.length * Math.log2(Math.max(10, classes * 16)) + cjk * 8;
  if (bits >= 110) return 4;
  if (bits >= 80) return 3;
  if (bits >= 60) return 2;
  return 1;
}
