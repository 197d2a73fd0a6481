// A small dictionary lookup with `{name}` placeholders; the language is chosen in the UI.
import { createContext, useContext } from 'react';
import { en, type MessageKey } from './en.js';
import { zhCN } from './zh-cn.js';

export type Language = 'zh-CN' | 'en';
export const LANGUAGES: Language[] = ['zh-CN', 'en'];
export const dictionaries: Record<Language, Record<MessageKey, string>> = { en, 'zh-CN': zhCN };

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

export function translator(language: Language): Translate {
  const dict = dictionaries[language];
  return (key, vars) => dict[key].replace(/\{(\w+)\}/g, (m, name: string) => (vars && name in vars ? String(vars[name]) : m));
}

export interface I18n { language: Language; t: Translate }
export const I18nContext = createContext<I18n>({ language: 'zh-CN', t: translator('zh-CN') });
export const useI18n = () => useContext(I18nContext);
