// A payee's places by month in a run in one process, read from the places of the rank pass
// (an Int32Array per rank metric, by payee × month) instead of a Map per payee filled with
// every month: `get` finds the month's map of places, shared by every payee-month with the same
// places. Most of a private-line run's population maps were these per-payee Maps, made for
// every payee and kept alive to the end of the run. Every other Map method sees the same
// entries: they are made the first time one is asked for.
import type { Exact } from '../exact/exact.js';

type Values = Map<string, number | Exact>;

interface Shared { map?: Values; next?: Map<number, Shared> }

/** The places of every payee and month, and one map per tuple of places. */
export class PlaceTable {
  readonly #names: string[];
  readonly #places: Int32Array[];
  readonly #months: number[];
  /** month − first month → its column, −1 when not ranked. */
  readonly #column: Int32Array;
  readonly #first: number;
  readonly #root: Shared = {};
  readonly #byPlace: (Values | undefined)[] = [];

  /** `places[k]`: `names[k]`'s place of payee row × months.length + month column, 0 when not ranked. */
  constructor(names: string[], places: Int32Array[], months: number[]) {
    this.#names = names;
    this.#places = places;
    this.#months = months;
    this.#first = Math.min(...months);
    this.#column = new Int32Array(Math.max(...months) - this.#first + 1).fill(-1);
    months.forEach((m, mi) => { this.#column[m - this.#first] = mi; });
  }

  /** The map of `row`'s places in month `m`, undefined when it has none. */
  at(row: number, m: number): Values | undefined {
    const i = m - this.#first;
    const mi = i >= 0 && i < this.#column.length ? this.#column[i] : -1;
    if (mi < 0) return undefined;
    const at = row * this.#months.length + mi;
    // every rank metric ranks the same payee-months: those with facts
    if (this.#places[0][at] === 0) return undefined;
    // one rank metric (the usual case): the maps by place, in an array
    if (this.#places.length === 1) return (this.#byPlace[this.#places[0][at]] ??= this.#made(at));
    let node = this.#root;
    for (const column of this.#places) {
      const next = (node.next ??= new Map());
      let child = next.get(column[at]);
      if (!child) next.set(column[at], (child = {}));
      node = child;
    }
    return (node.map ??= this.#made(at));
  }

  #made(at: number): Values {
    return new Map(this.#names.map((name, k) => [name, this.#places[k][at]]));
  }

  /** Months in order, for a payee's entries. */
  get months(): readonly number[] {
    return this.#months;
  }
}

export class PlaceMonths extends Map<number, Values> {
  readonly #table: PlaceTable;
  readonly #row: number;
  #filled = false;

  constructor(table: PlaceTable, row: number) {
    super();
    this.#table = table;
    this.#row = row;
  }

  /** From here on the Map's own entries answer. */
  #fill(): void {
    if (this.#filled) return;
    this.#filled = true;
    for (const m of this.#table.months) {
      const values = this.#table.at(this.#row, m);
      if (values) super.set(m, values);
    }
  }

  override get(m: number): Values | undefined {
    return this.#filled ? super.get(m) : this.#table.at(this.#row, m);
  }

  override has(m: number): boolean {
    return this.get(m) !== undefined;
  }

  override get size(): number {
    this.#fill();
    return super.size;
  }

  override set(m: number, values: Values): this {
    this.#fill();
    return super.set(m, values);
  }

  override delete(m: number): boolean {
    this.#fill();
    return super.delete(m);
  }

  override clear(): void {
    this.#filled = true;
    super.clear();
  }

  override forEach(f: (values: Values, m: number, map: Map<number, Values>) => void, self?: unknown): void {
    this.#fill();
    super.forEach(f, self);
  }

  override entries(): MapIterator<[number, Values]> {
    this.#fill();
    return super.entries();
  }

  override keys(): MapIterator<number> {
    this.#fill();
    return super.keys();
  }

  override values(): MapIterator<Values> {
    this.#fill();
    return super.values();
  }

  override [Symbol.iterator](): MapIterator<[number, Values]> {
    return this.entries();
  }
}
