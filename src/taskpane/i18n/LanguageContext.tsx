import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import type { Lang } from '../../workbook/port';
import { translate, type StringKey, type Vars } from './strings';

export interface Language {
  lang: Lang;
  setLang(lang: Lang): void;
  t(key: StringKey, vars?: Vars): string;
}

const LanguageContext = createContext<Language | null>(null);

export function LanguageProvider({ initial = 'vi', children }: { initial?: Lang; children: ReactNode }) {
  const [lang, setLang] = useState<Lang>(initial);
  const value = useMemo<Language>(() => ({ lang, setLang, t: (key, vars) => translate(key, lang, vars) }), [lang]);
  return <LanguageContext.Provider value={value}>{children}</LanguageContext.Provider>;
}

/** The current language and its strings; components re-render when a person switches. */
export function useLanguage(): Language {
  const language = useContext(LanguageContext);
  if (!language) throw new Error('useLanguage needs a <LanguageProvider> above it');
  return language;
}
