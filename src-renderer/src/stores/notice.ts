/** What a screen says after an action: done, not done (with what to do), or failed (why). */
import { message, oneLanguage, type Message, type StringKey } from '../i18n/strings';
import { problemOf } from '../workflows/deps';
import type { ExportOutcome } from '../workflows/signing';
import { useUiStore } from './ui';

/** A lower layer's sentence (main's: Chinese, then English) in the user's language. */
export const inLanguage = (text: string): string => oneLanguage(text, useUiStore.getState().lang);

export interface Notice {
  tone: 'ok' | 'warn' | 'error';
  message: Message;
}

export const failed = (e: unknown): Notice => ({ tone: 'error', message: problemOf(e) });

/** A saved file named with `savedKey`; a cancelled or failed save says the file is kept. */
export function savedNotice(outcome: ExportOutcome, savedKey: StringKey): Notice {
  if (outcome.saved) return { tone: 'ok', message: message(savedKey, { name: outcome.savedAs }) };
  return outcome.error
    ? { tone: 'error', message: message('export.failed', { message: inLanguage(outcome.error) }) }
    : { tone: 'warn', message: message('export.canceled') };
}

/**
 * Runs an action and returns the notice of its failure (null on success), so a failure is
 * always shown, never dropped.
 */
export async function attempt(work: () => Promise<void>): Promise<Notice | null> {
  try {
    await work();
    return null;
  } catch (e) {
    return failed(e);
  }
}
