// `msg(code, params)`: a message as data, typed by the catalog, so a call site cannot name a
// code the catalog lacks or give it other parameters. Imports the catalog's types only.
import type { MessageData } from '../types.js';
import type { catalog, Code } from './catalog.js';
import type { Entry, Text } from './message.js';

export type ParamsOf<C extends Code> = (typeof catalog)[C] extends Entry<infer P> ? P : never;

/** At a call site a text parameter may itself be a message (rendered in the same language). */
type Arg<V> = V extends string ? Text : V extends readonly string[] ? readonly Text[] : V;
export type CallParams<P> = { [K in keyof P]: Arg<P[K]> };

export function msg<C extends Code>(code: C, ...params: keyof ParamsOf<C> extends never ? [] : [CallParams<ParamsOf<C>>]): MessageData {
  return params.length ? { code, params: params[0] as MessageData['params'] } : { code };
}
