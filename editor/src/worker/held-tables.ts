// The preview worker's dataset tables: as given (Blobs are handles), and readable while a request
// reads them. A Blob's bytes are read when a request opens the tables and freed when the last one
// that opened them closes them, unless `keep()` says to hold them (a small dataset: read once).
// Requests open and close around their reads, so a trace that awaits the helper never finds the
// bytes freed under it by a run that ended meanwhile.
import type { DatasetTables } from './protocol.js';
import { allAt, freeRead, readTables, type TablesAt } from './table-bytes.js';

export class HeldTables {
  private tables?: DatasetTables;
  private held?: TablesAt;
  private reading?: Promise<TablesAt>;
  private users = 0;
  /** Held after a trace until the next run: a tester clicks through payees one after the other. */
  private lingering = false;

  /** `keep`: whether to hold the bytes read while nobody reads them. */
  constructor(private readonly keep: () => boolean) {}

  /** The tables as given: compare them to tell a dataset chosen meanwhile. */
  get given(): DatasetTables | undefined { return this.tables; }

  set(tables: DatasetTables): void {
    if (this.held && this.tables && !this.users) freeRead(this.held, this.tables);
    this.tables = tables;
    this.held = allAt(tables) ? tables as TablesAt : undefined;
    this.reading = undefined;
  }

  /** The tables, readable: only while opened (or held), else an internal error (a request forgot to open them). */
  get now(): TablesAt {
    if (!this.held) throw new Error('the dataset tables were read without being opened');
    return this.held;
  }

  /** True when the tables can be read now without `open`. */
  get readable(): boolean { return this.held !== undefined; }

  /** Makes the tables readable until the matching `close`. */
  async open(): Promise<void> {
    this.users++;
    try {
      while (!this.held && this.tables) {
        const tables = this.tables;
        const read = await (this.reading ??= readTables(tables));
        // another dataset set meanwhile (`set` dropped the reading): this read is nobody's, the new one is read
        if (this.tables !== tables) freeRead(read, tables);
        else { this.held ??= read; this.reading = undefined; }
      }
    } catch (e) {
      this.reading = undefined;
      this.close();
      throw e;
    }
  }

  /** Ends an `open`: the last one frees the bytes read, unless they are kept. */
  close(): void {
    this.users = Math.max(0, this.users - 1);
    this.freeIfUnread();
  }

  /** Frees the bytes read from Blobs or URLs when no request reads them and nothing keeps them. */
  private freeIfUnread(): void {
    if (this.users || this.lingering || !this.held || !this.tables || allAt(this.tables) || this.keep()) return;
    freeRead(this.held, this.tables);
    this.held = undefined;
  }

  /** Keeps the bytes read until `release` (after a trace: the next trace reads them at once). */
  hold(): void { this.lingering = true; }

  /** Ends a `hold`: the bytes go now if nobody reads them (a run starts, or the worker rests). */
  release(): void {
    this.lingering = false;
    this.freeIfUnread();
  }

  /** `f` with the tables open. */
  async with<T>(f: (tables: TablesAt) => T | Promise<T>): Promise<T> {
    await this.open();
    try {
      return await f(this.now);
    } finally {
      this.close();
    }
  }
}
