// Typed arrays of runs no longer kept, filled again by the next settle instead of new ones. A
// column's memory lies outside the JS heap and goes back only when V8 collects the small object
// holding it, which after a settle has reached the old generation: only a full collection frees
// it, and V8 runs none while the heap itself barely grows. Line counts change from edit to edit
// (a rule pays a few more or fewer months), so an array is taken for any column it can hold: a
// column is a view of its own buffer's first values (its length the line count), and that
// buffer alone is handed back, never while a kept run holds it.

type Column = Int32Array | Float64Array;

/** Buffers kept: the columns of about one settle (a few rules, three columns each) and its sums by payee (nine). */
const KEPT = 32;

/** Room a new column leaves past its values, so the next settle's slightly longer one fits it. */
const headroom = (n: number) => n + (n >> 5) + 16;

export class ColumnPool {
  private buffers: ArrayBuffer[] = [];

  /**
   * The smallest kept buffer of at least `bytes` (at most a quarter more: no large buffer spent on
   * a small column) whose size is a multiple of `unit` (a 32-bit column's may not hold 64-bit values).
   */
  private take(bytes: number, unit: number): ArrayBuffer | undefined {
    let best = -1;
    for (let i = 0; i < this.buffers.length; i++) {
      const size = this.buffers[i].byteLength;
      if (size >= bytes && size % unit === 0 && size <= bytes * 1.25 + 1024 && (best < 0 || size < this.buffers[best].byteLength)) best = i;
    }
    return best < 0 ? undefined : this.buffers.splice(best, 1)[0];
  }

  /** An array of at least `n` values (a whole buffer, contents left from earlier use: written before read). */
  int32(n: number): Int32Array {
    const b = this.take(n * 4, 4);
    return b ? new Int32Array(b) : new Int32Array(headroom(n));
  }
  float64(n: number): Float64Array {
    const b = this.take(n * 8, 8);
    return b ? new Float64Array(b) : new Float64Array(headroom(n));
  }

  /** `a`'s buffer is no longer read or written anywhere: the next settle may take it. */
  release(a: Column): void {
    const b = a.buffer as ArrayBuffer;
    if (a.byteOffset !== 0 || b.byteLength < 4096 || this.buffers.includes(b)) return; // not a column's own buffer, small, or transferred
    this.buffers.push(b);
    if (this.buffers.length > KEPT) this.buffers.shift();
  }

  /** The buffers of `runs`' columns not held by `kept` (the runs still kept): those of replaced runs. */
  releaseUnkept(runs: Iterable<Iterable<Column>>, kept: Iterable<Iterable<Column>>): void {
    const held = new Set<ArrayBufferLike>();
    for (const run of kept) for (const c of run) held.add(c.buffer);
    for (const run of runs) for (const c of run) if (!held.has(c.buffer)) { held.add(c.buffer); this.release(c); }
  }

  clear(): void { this.buffers = []; }
}

/** Every column of a run's lines (payee, month and cents of each rule). */
export function* columnsOf(lines: Iterable<{ payee: Int32Array; month: Int32Array; cents: Column }> | undefined): Iterable<Column> {
  for (const l of lines ?? []) { yield l.payee; yield l.month; yield l.cents; }
}
