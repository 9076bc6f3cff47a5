/**
 * Line-break pieces for Chinese text in react-pdf (its hyphenation callback): every Han character
 * and CJK punctuation mark is its own piece; Latin letters and digits stay whole words but long
 * runs (URLs, contract numbers) are cut every `maxRun` characters so they can never overflow;
 * and 避头尾 — no line starts with closing punctuation (，。、；：？！）》」』】…) and none ends with
 * opening punctuation (（《「『【“‘) — by gluing such marks to their neighbour. Pieces join with
 * empty strings: no hyphen is ever inserted.
 */
const CLOSING = new Set([...'，。、；：？！）》」』】〕〉’”…—·%‰℃,.;:?!)]}']);
const OPENING = new Set([...'（《「『【〔〈‘“([{']);
const HAN = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;

export function splitForLineBreaks(word: string, maxRun = 16): string[] {
  const pieces: string[] = [];
  let run = '';
  const flush = () => {
    for (let i = 0; i < run.length; i += maxRun) pieces.push(run.slice(i, i + maxRun));
    run = '';
  };
  for (const ch of word) {
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
