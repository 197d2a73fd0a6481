// Per-payee figures as they cross from the preview worker to the page: typed arrays of whole
// cents indexed by the payee's place in payees.csv (transferred, not cloned) and the payee ids
// and names as one JSON text each (read once per dataset on the page), instead of 100,000
// objects of amount strings per result. On the page, `payees` lists are made only when read
// (the export, the save dialog); the preview itself shows the columns.
import { LINE_KINDS, type LineKind, type PayeeImpact } from '../../../engine/index.js';
import { centsText } from './cents.js';
import type { PayeeTotal, PreviewImpact, PreviewSummary } from './protocol.js';

/** The payees of a dataset, in payees.csv order. */
export interface PayeeList { ids: string[]; names: (string | undefined)[] }

/** How the payee list travels: JSON texts (one string clones in a millisecond). */
export interface PayeeListText { ids: string; names: string }

export interface SummaryColumns {
  /** Indices of the payees the policy covers, in payees.csv order. */
  covered: Int32Array;
  /** Cents by payee index: the total and each kind. */
  total: Float64Array;
  byKind: Record<LineKind, Float64Array>;
}

export interface ImpactColumns {
  /** Indices of the payees with lines before or after, in payees.csv order. */
  present: Int32Array;
  /** Cents by payee index, before and after. */
  before: Float64Array;
  after: Float64Array;
}

/** A summary as the worker sends it, and as the page holds it (with the payee list read). */
/** `list` only in the first message about a dataset: later ones mean the list read last (3 MB of text at 100,000 payees, not cloned per message). */
export type SummaryWire = Omit<PreviewSummary, 'payees' | 'columns' | 'list'> & { columns: SummaryColumns; list?: PayeeListText };
export type ImpactWire = Omit<PreviewImpact, 'payees' | 'columns' | 'list'> & { columns: ImpactColumns; list?: PayeeListText };

export const listText = (list: PayeeList): PayeeListText => ({ ids: JSON.stringify(list.ids), names: JSON.stringify(list.names.map((n) => n ?? null)) });

/** The last list read: results of one dataset carry it once (or equal texts, compared in a memcmp); without one, a message means it. */
let lastRead: { text: PayeeListText; list: PayeeList } | undefined;
export function readList(text: PayeeListText | undefined): PayeeList {
  if (!text) return lastRead?.list ?? { ids: [], names: [] };
  if (lastRead && lastRead.text.ids === text.ids && lastRead.text.names === text.names) return lastRead.list;
  const names = (JSON.parse(text.names) as (string | null)[]).map((n) => n ?? undefined);
  lastRead = { text, list: { ids: JSON.parse(text.ids) as string[], names } };
  return lastRead.list;
}

/** Defines `key` of `o` as made on first read, then kept (an own, enumerable property, so it copies and compares as data). */
function madeWhenRead<T extends object>(o: T, key: keyof T & string, make: () => unknown): void {
  let made: unknown;
  Object.defineProperty(o, key, { enumerable: true, configurable: true, get: () => (made ??= make()) });
}

const kindsOf = (byKind: Record<LineKind, Float64Array>, i: number) =>
  Object.fromEntries(LINE_KINDS.map((k) => [k, centsText(byKind[k][i])])) as Record<LineKind, string>;

/** The summary on the page: the columns, the payee list, and `payees` made when read. */
export function summaryOf(wire: SummaryWire): PreviewSummary {
  const list = readList(wire.list);
  const { covered, total, byKind } = wire.columns;
  const summary = { ...wire, list } as unknown as PreviewSummary;
  madeWhenRead(summary, 'payees', () => Array.from(covered, (i): PayeeTotal => ({ payeeId: list.ids[i], name: list.names[i], total: centsText(total[i]), byKind: kindsOf(byKind, i) })));
  return summary;
}

/** Largest gain first, then by payee id: the order of `compareStatements`. */
export function byDelta(c: ImpactColumns, ids: string[]) {
  return (p: number, q: number) => (c.after[q] - c.before[q]) - (c.after[p] - c.before[p]) || (ids[p] < ids[q] ? -1 : 1);
}

export function payeeImpact(c: ImpactColumns, ids: string[], i: number): PayeeImpact {
  return { payeeId: ids[i], before: centsText(c.before[i]), after: centsText(c.after[i]), delta: centsText(c.after[i] - c.before[i]) };
}

/** The impact on the page: `payees` (every payee with lines, largest gain first) made when read. */
export function impactOf(wire: ImpactWire): PreviewImpact {
  const list = readList(wire.list);
  const impact = { ...wire, list } as unknown as PreviewImpact;
  madeWhenRead(impact, 'payees', () => Array.from(wire.columns.present).sort(byDelta(wire.columns, list.ids)).map((i) => payeeImpact(wire.columns, list.ids, i)));
  return impact;
}

/** The change of payee `i`'s total in cents (0 for a payee with no lines either side). */
export const deltaCents = (c: ImpactColumns, i: number) => c.after[i] - c.before[i];

/** The buffers to transfer with a summary or an impact. */
export const summaryBuffers = (c: SummaryColumns) => [c.covered.buffer, c.total.buffer, ...LINE_KINDS.map((k) => c.byKind[k].buffer)] as ArrayBuffer[];
export const impactBuffers = (c: ImpactColumns) => [c.present.buffer, c.before.buffer, c.after.buffer] as ArrayBuffer[];
