/** The strings in the user's language, for components: `useT()` and `useSay()`. */
import { useCallback } from 'react';
import { useLang } from '../stores/ui';
import { say, translate, type Message, type Params, type StringKey, type T } from './strings';

export type { Lang, Message, Params, StringKey, T } from './strings';
export { listParam, message, say, translate } from './strings';

export function useT(): T {
  const lang = useLang();
  return useCallback((key: StringKey, params?: Params) => translate(lang, key, params), [lang]);
}

/** Shows a workflow's message in the user's language. */
export function useSay(): (m: Message) => string {
  const lang = useLang();
  return useCallback((m: Message) => say(lang, m), [lang]);
}
