// A message as data: a catalog code and its named parameters, rendered in the reader's
// language only when shown (`render`). Diagnostics, trace steps and withheld reasons carry one
// beside their English text, so a shell or the editor can show them in 简体中文.
import type { MessageData, MessageParam } from '../types.js';

export type { MessageData, MessageParam };

/** The languages every message has a text in. */
export const LANGS = ['en', 'zh-CN'] as const;
export type Lang = (typeof LANGS)[number];

/** A template of one language: the message's parameters, already rendered in that language, to text. */
export type Template<P> = (p: P) => string;

export interface Entry<P> {
  en: Template<P>;
  'zh-CN': Template<P>;
}

/**
 * One catalog entry. The English template fixes the parameters (`P`, from its annotation) and
 * the Chinese one must take the same, so a code's parameters cannot drift between languages.
 */
export function entry<P extends object = Record<never, never>>(en: Template<P>, zh: Template<NoInfer<P>>): Entry<P> {
  return { en, 'zh-CN': zh };
}

/** Text that is either already English (not yet a code) or a message to render. */
export type Text = string | MessageData;
