import { Fragment } from 'react';

/**
 * A label that may break onto a second line only where its string says (U+200B, e.g. the
 * ranking's 「去极值\u200b平均」: CJK text may otherwise break between any two characters), drawn
 * as <wbr>: the text read aloud, found and copied has no zero-width space in it.
 */
export function Breakable({ text }: { text: string }) {
  return text.split('\u200b').map((part, i) => (
    <Fragment key={i}>
      {i > 0 && <wbr />}
      {part}
    </Fragment>
  ));
}
