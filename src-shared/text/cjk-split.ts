/**
 * Line-break pieces for Chinese text in react-pdf (its hyphenation callback): every Han character
 * and CJK punctuation mark is its own piece; Latin letters and digits stay whole words but long
 * runs (URLs, contract numbers) are cut every `maxRun` characters so they can never overflow;
 * numbers never break inside (a point or comma between digits is not punctuation: 0.5, 12.5,
 * 30,000, 2026-12-01 stay whole);
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
  for (const p of pieces) {
    const prev = glued.at(-1);
    const prevEnd = prev?.replace(/\u00a0+$/, '').at(-1) ?? '';
    // A piece of held spaces alone (after a cut run, or leading) joins its neighbour: a space
    // alone would be stretchable glue again.
    const spaces = (x: string) => /^\u00a0+$/.test(x);
    // A closing mark keeps the held space after it (40% 以上: 「%\u00a0」), and still joins the
    // piece before it: a number and its percent sign are never split across lines.
    const closing = CLOSING.has(p.replace(/\u00a0+$/, ''));
    if (prev !== undefined && (closing || OPENING.has(prevEnd) || spaces(p) || spaces(prev)))
      glued[glued.length - 1] = prev + p;
    else glued.push(p);
  }
  return glued;
}
