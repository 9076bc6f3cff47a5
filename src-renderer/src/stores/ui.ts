import { create } from 'zustand';
import type { Lang } from '../i18n/strings';

export type { Lang } from '../i18n/strings';

const LANG_KEY = 'jiebang.lang';

function initialLang(): Lang {
  // The interface language is not confidential, so it may live outside the encrypted database.
  return localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'zh';
}

interface UiState {
  lang: Lang;
  setLang: (lang: Lang) => void;
  toggleLang: () => void;
}

export const useUiStore = create<UiState>()((set, get) => ({
  lang: initialLang(),
  setLang: (lang) => {
    localStorage.setItem(LANG_KEY, lang);
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    set({ lang });
  },
  toggleLang: () => get().setLang(get().lang === 'zh' ? 'en' : 'zh'),
}));

export const useLang = (): Lang => useUiStore((s) => s.lang);
export const useToggleLang = (): (() => void) => useUiStore((s) => s.toggleLang);
