/**
 * Line-break pieces for Chinese text in react-pdf (its hyphenation callback): every Han character
 * and CJK punctuation mark is its own piece; Latin letters and digits stay whole words but long
 * runs (URLs, contract numbers) are cut every `maxRun` characters so they can never overflow;
 * numbers never break inside (a point or comma between digits is not punctuation: 0.5, 12.5,
 * 30,000, 2026-12-01 stay whole);
 * a number keeps a following measure word (`MEASURE_WORDS`: 800 万元, 3 个月, 12 项);
 * and 避头尾 — no line starts with closing punctuation (，。、；：？！）》」』】…) and none ends with
 * opening punctuation (（《「『【“‘) — by gluing such marks to their neighbour. Pieces join with
 * empty strings: no hyphen is ever inserted.
 *
 * A space of the user's text reaches the line breaker held (`holdSpaces`: U+00A0, the same glyph
 * in every print face) and is a break after it, like a break between two Han characters. Left
 * as U+0020, it is react-pdf's only stretchable glue: the Knuth–Plass breaker (and its best-fit
 * fallback, which rates a break at zero-stretch glue as infinitely bad) then ends a line at a
 * space wherever a line holds one — 「连续运行 180」 and the rest of the line left empty —
 * rather than at the last character that fits. Held, no break is rated above another, and every
 * line but a paragraph's last runs to the margin.
 */

/** How a space of the user's text is laid out (see above); it prints and copies as a space. */
export const HELD_SPACE = '\u00a0';

/** The user's text as the line breaker is given it: every space held (see above). */
export const holdSpaces = (text: string): string => text.replaceAll(' ', HELD_SPACE);
const CLOSING = new Set([...'，。、；：？！）》」』】〕〉’”…—·%％‰℃,.;:?!)]}']);
const OPENING = new Set([...'（《「『【〔〈‘“([{']);
const HAN = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;

/** A number as written: digits with . , : / - between them (0.5, 30,000, 2026-12-01, 12:30). */
const NUMBER = /^[+-]?\d+([.,:/-]\d+)*$/;
/** Numbers up to this long are never cut; a longer run of anything is cut every `maxRun`. */
const MAX_NUMBER = 40;

/**
 * Measure words a number is held with on a line (「800 万元」, 「3 个月」, 「12 项」, 「85 分」, and
 * 「2026年12月1日」 as 2026年 / 12月 / 1日): money, time, counts and the common physical units a
 * task book writes in Chinese. The longest that follows the number's digits (a held space
 * between them allowed) joins the number's piece, so no line ends with the number and starts with
 * its unit — as the percent signs (% ％ ‰ ℃, closing marks above) already were.
 */
export const MEASURE_WORDS: readonly string[] = [
  // money
  '亿元',
  '万元',
  '元',
  '角',
  '亿',
  '万',
  // time
  '年',
  '个月',
  '月',
  '周',
  '天',
  '日',
  '小时',
  '分钟',
  '秒',
  // counts
  '个',
  '项',
  '人',
  '名',
  '位',
  '家',
  '所',
  '页',
  '台',
  '套',
  '次',
  '件',
  '篇',
  '份',
  '种',
  '条',
  '批',
  '座',
  '口',
  '倍',
  '册',
  '例',
  '组',
  '轮',
  '期',
  '届',
  '号',
  '级',
  '层',
  '分',
  // physical units written in Chinese
  '万吨',
  '吨',
  '千米',
  '公里',
  '米',
  '平方米',
  '立方米',
  '升',
  '毫升',
  '千克',
  '公斤',
  '克',
  '度',
  '亩',
  '公顷',
].sort((a, b) => b.length - a.length);

const endsInDigit = (piece: string): boolean => /\d\u00a0*$/u.test(piece);

/**
 * How many pieces from `k` spell a measure word, one character a piece (the last may carry the
 * held space typed after it: 「180 天 以上」), or 0.
 */
function unitAt(pieces: readonly string[], k: number): number {
  for (const word of MEASURE_WORDS) {
    const chars = [...word];
    const ok = chars.every((ch, j) =>
      j === chars.length - 1
        ? (pieces[k + j] ?? '').replace(/\u00a0+$/u, '') === ch
        : pieces[k + j] === ch,
    );
    if (ok) return chars.length;
  }
  return 0;
}

export function splitForLineBreaks(word: string, maxRun = 16): string[] {
  const pieces: string[] = [];
  let run = '';
  // A Latin/digit run is cut into pieces of at most `maxRun`, never inside a number.
  const flush = () => {
    let piece = '';
    for (const token of run.match(/\d+(?:[.,:/-]\d+)*|\D+/g) ?? []) {
      if (NUMBER.test(token) && token.length <= MAX_NUMBER) {
        if (piece !== '' && piece.length + token.length > maxRun) {
          pieces.push(piece);
          piece = '';
        }
        piece += token;
        continue;
      }
      for (const ch of token) {
        if (piece.length >= maxRun) {
          pieces.push(piece);
          piece = '';
        }
        piece += ch;
      }
    }
    if (piece !== '') pieces.push(piece);
    run = '';
  };
  const chars = [...word];
  const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
  for (const [i, ch] of chars.entries()) {
    // A held space ends the piece before it: a line may break after it, never before it.
    if (ch === HELD_SPACE) {
      const last = pieces.length - 1;
      if (run !== '') {
        run += ch;
        flush();
      } else if (last >= 0) pieces[last] += ch;
      else run += ch;
      continue;
    }
    // A point or comma between digits belongs to the number: it is no punctuation to break at.
    if ((ch === '.' || ch === ',') && isDigit(chars[i - 1]) && isDigit(chars[i + 1])) {
      run += ch;
      continue;
    }
    if (HAN.test(ch) || CLOSING.has(ch) || OPENING.has(ch)) {
      flush();
      pieces.push(ch);
    } else {
      run += ch;
    }
  }
  flush();
  // 避头尾: closing marks join the piece before them; opening marks join the piece after them.
  const glued: string[] = [];
  for (let k = 0; k < pieces.length; k += 1) {
    let p = pieces[k] ?? '';
    const prev = glued.at(-1);
    // A number keeps its measure word (800 万元, 3 个月, 12 项): the unit's characters join it.
    const unit = prev !== undefined && endsInDigit(prev) ? unitAt(pieces, k) : 0;
    if (unit > 0) {
      p = pieces.slice(k, k + unit).join('');
      k += unit - 1;
    }
    const prevEnd = prev?.replace(/\u00a0+$/, '').at(-1) ?? '';
    // A piece of held spaces alone (after a cut run, or leading) joins its neighbour: a space
    // alone would be stretchable glue again.
    const spaces = (x: string) => /^\u00a0+$/.test(x);
    // A closing mark keeps the held space after it (40% 以上: 「%\u00a0」), and still joins the
    // piece before it: a number and its percent sign are never split across lines.
    const closing = CLOSING.has(p.replace(/\u00a0+$/, ''));
    if (
      prev !== undefined &&
      (unit > 0 || closing || OPENING.has(prevEnd) || spaces(p) || spaces(prev))
    )
      glued[glued.length - 1] = prev + p;
    else glued.push(p);
  }
  return glued;
}
