// `render(message, lang)`: a message's text in a language, from the catalog. Parameters that
// are messages themselves are rendered first, in the same language.
import type { Diagnostic, MessageData, MessageParam } from '../types.js';
import { catalog, type Code } from './catalog.js';
import { type Entry, type Lang, type Text } from './message.js';

function resolve(p: MessageParam, lang: Lang): MessageParam {
  if (Array.isArray(p)) return p.map((x) => (typeof x === 'string' ? x : render(x, lang)));
  if (p && typeof p === 'object') return render(p as MessageData, lang);
  return p;
}

export function isCode(code: string): code is Code {
  return Object.hasOwn(catalog, code);
}

/** The message's text in `lang`. A code not in the catalog (a newer engine's) shows as the code with its parameters. */
export function render(message: MessageData, lang: Lang = 'en'): string {
  if (!isCode(message.code)) return `${message.code} ${JSON.stringify(message.params ?? {})}`;
  const given = message.params;
  // every line's trace renders a few messages: no entries arrays, and text parameters as they are
  const params: Record<string, MessageParam> = {};
  if (given) for (const k in given) {
    const v = given[k];
    params[k] = v !== null && typeof v === 'object' ? resolve(v, lang) : v;
  }
  return (catalog[message.code] as Entry<Record<string, MessageParam>>)[lang](params);
}

/** English text stays as it is; a message is rendered. */
export function renderText(text: Text, lang: Lang = 'en'): string {
  return typeof text === 'string' ? text : render(text, lang);
}

/** A diagnostic's message in `lang` (its English `message` when it carries no code). */
export function diagnosticMessage(d: Diagnostic, lang: Lang): string {
  return d.msg && lang !== 'en' ? render(d.msg, lang) : d.message;
}

/** `file:line:column field: message` in `lang`, as `formatDiagnostic` prints it in English. */
export function renderDiagnostic(d: Diagnostic, lang: Lang): string {
  return `${d.file}:${d.line}:${d.column} ${d.field ? d.field + ': ' : ''}${diagnosticMessage(d, lang)}`;
}
