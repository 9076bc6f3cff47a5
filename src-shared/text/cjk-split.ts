/**
 * Line-break pieces for Chinese text in react-pdf (its hyphenation callback): every Han character
 * and CJK punctuation mark is its own piece; Latin letters and digits stay whole words but long
 * runs (URLs, contract numbers) are cut every `maxRun` characters so they can never overflow;
 * numbers never break inside (a point or comma between digits is not punctuation: 0.5, 12.5,
 * 30,000, 2026-12-01 stay whole);
 * and 避头尾 — no line starts with closing punctuation (，。、；：？！）》」』】…) and none ends with
 * opening punctuation (（《「『【“‘) — by gluing such marks to their neighbour. Pieces join with
 * empty strings: no hyphen is ever inserted.
 */
const CLOSING = new Set([...'，。、；：？！）》」』】〕〉’”…—·%‰℃,.;:?!)]}']);
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
    if (prev !== undefined && (CLOSING.has(p) || OPENING.has(prev.at(-1) ?? '')))
      glued[glued.length - 1] = prev + p;
    else glued.push(p);
  }
  return glued;
}
