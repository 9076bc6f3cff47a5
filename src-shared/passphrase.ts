/**
 * The passphrase that guards a profile's data key (第七条 保密: what the expert keeps is theirs
 * alone) — one rule for every door: the gate's form and workflow in the renderer, the IPC contract
 * (`PassphraseSchema`, src-shared/ipc.ts) and main's profile store (src-main/keys/profiles.ts).
 *
 * A passphrase is read as its keys are derived from it: Unicode NFC (an é typed as one character
 * or as e + a combining accent is the same passphrase), then counted in characters as a person
 * counts them — Unicode code points, so an emoji or a CJK Extension B character (𠮷) is one, not
 * the two UTF-16 code units JavaScript's `length` counts.
 */

/** The fewest characters a passphrase may have. */
export const MIN_PASSPHRASE = 10;

/** What the passphrase is, for counting and for deriving a key: its NFC form. */
export const normalisePassphrase = (passphrase: string): string => passphrase.normalize('NFC');

/** Characters (Unicode code points) in the passphrase as normalised. */
export const passphraseLength = (passphrase: string): number =>
  [...normalisePassphrase(passphrase)].length;

/**
 * The fewest characters of an inspector's signing passphrase (实地考察组, 第十二条（一）): it wraps
 * only that member's key for one assignment on a shared laptop, so it may be shorter than a
 * profile's; counted the same way.
 */
export const MIN_SIGNING_PASSPHRASE = 8;

/** Whether a new passphrase is long enough (`min` characters, a profile's `MIN_PASSPHRASE`). */
export const isLongEnoughPassphrase = (passphrase: string, min = MIN_PASSPHRASE): boolean =>
  passphraseLength(passphrase) >= min;

/** The refusal of one too short, as main and the contract say it. */
export const PASSPHRASE_TOO_SHORT = `口令至少 ${MIN_PASSPHRASE} 个字符`;

/**
 * Whether a passphrase is made only of spaces (half- or full-width), tabs, line breaks or invisible
 * format characters (U+200B and the like): ten spaces are ten characters but guard nothing a person
 * could not guess — refused at creation and change whatever their length (tester iC finding 10).
 */
export const isBlankPassphrase = (passphrase: string): boolean =>
  /^[\s\p{Cf}]*$/u.test(normalisePassphrase(passphrase));

/** The refusal of a blank passphrase (`what`: 口令, 新口令), as the gate, the contract and main say it. */
export const blankPassphraseText = (what = '口令'): string =>
  `${what}不能只由空格组成（全角、半角空格或制表符都算）：请用文字、字母、数字或符号`;
export const PASSPHRASE_BLANK = blankPassphraseText();

/**
 * Why a new passphrase (a profile's, at creation or change) is refused, or null: the one rule of
 * every door — the gate's form and workflow, the IPC contract, main's profile store. Too short is
 * said first (as before), then blank.
 */
export function newPassphraseProblem(
  passphrase: string,
  min = MIN_PASSPHRASE,
): 'too-short' | 'blank' | null {
  if (!isLongEnoughPassphrase(passphrase, min)) return 'too-short';
  return isBlankPassphrase(passphrase) ? 'blank' : null;
}
