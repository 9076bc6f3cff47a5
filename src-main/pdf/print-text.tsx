/** @jsxRuntime automatic */
/**
 * What the user entered, as every PDF prints it: one <Text> per line (a line break or a tab is
 * never handed to react-pdf, which would draw it in a non-embedded Helvetica), and a character no
 * embedded font has printed as its code point (fonts.ts `printable`).
 */
import { Text, type Styles } from '@react-pdf/renderer';
import { HELD_SPACE } from '../../src-shared/text/cjk-split';
import { printable, printLines } from './fonts';

export function Lines({ text, style }: { text: string; style?: Styles[string] }) {
  return (
    <>
      {printLines(text).map((line, i) => (
        <Text key={i} style={style}>
          {line}
        </Text>
      ))}
    </>
  );
}

/** A one-line field (a name, an id, a short phrase) as it prints: line breaks as (held) spaces. */
export const printLine = (text: string): string => printable(text).replace(/\n/g, HELD_SPACE);
