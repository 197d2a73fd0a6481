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

// a hole in a text: characters no policy name or value holds
const HOLE = (i: number) => `\u0000${i}\u0000`;
const HOLES = /\u0000(\d+)\u0000/g;

/** A text with holes for values: `pieces[0] + v[holes[0]] + pieces[1] + … + v[holes[n-1]] + pieces[n]`. */
export interface TextPieces { pieces: string[]; holes: number[] }

/**
 * The fixed pieces of a text that `write` (a catalog template, say) writes around `count`
 * values, found once by writing it with a mark in each hole: filling them joins strings only
 * and gives the text `write` gives. Undefined unless each hole comes out once and no mark is
 * left over (a name's own text held one): then write the text each time.
 */
export function textPieces(count: number, write: (hole: (i: number) => string) => string): TextPieces | undefined {
  const text = write(HOLE);
  const pieces: string[] = [];
  const holes: number[] = [];
  let at = 0;
  for (const m of text.matchAll(HOLES)) {
    pieces.push(text.slice(at, m.index));
    holes.push(Number(m[1]));
    at = m.index + m[0].length;
  }
  pieces.push(text.slice(at));
  const once = holes.length === count && new Set(holes).size === count && holes.every((h) => h < count);
  return once && !pieces.some((p) => p.includes('\u0000')) ? { pieces, holes } : undefined;
}

/** The pieces of a text whose holes come out in order (`pieces[0] + v0 + pieces[1] + v1 …`), else undefined. */
export function orderedPieces(count: number, write: (hole: (i: number) => string) => string): string[] | undefined {
  const t = textPieces(count, write);
  return t && t.holes.every((h, i) => h === i) ? t.pieces : undefined;
}
