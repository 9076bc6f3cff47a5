/** The strings in the user's language, for components: `useT()` and `useSay()`. */
import { useCallback } from 'react';
import { useLang } from '../stores/ui';
import { say, translate, type Message, type Params, type StringKey, type T } from './strings';

export type { DayParam, Lang, Message, Params, StringKey, T } from './strings';
export { dayParam, listParam, message, say, sayDay, translate } from './strings';

export function useT(): T {
  const lang = useLang();
  return useCallback((key: StringKey, params?: Params) => translate(lang, key, params), [lang]);
}

/** Shows a workflow's message in the user's language. */
export function useSay(): (m: Message) => string {
  const lang = useLang();
  return useCallback((m: Message) => say(lang, m), [lang]);
}
