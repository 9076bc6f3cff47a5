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
