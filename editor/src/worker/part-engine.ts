// What the preview's helper worker does, free of messaging so it also runs in tests: keeps its
// part of the dataset (the payees from a position in payees.csv on) read once per fact layout,
// and settles the rules it is asked for over them, into columns indexed like the whole dataset's.
// Payee and month columns equal to the last settle's are not made again and cross by id; amount
// columns come back with the next request and are filled again (column-pool.ts).
import { type CompiledPolicy, type Dataset, type Diagnostic, loadPolicy, populationKeys, readDataset, restrictRules } from '../../../engine/index.js';
import { diagnosticsOf } from './diagnostics-of.js';
import { ColumnPool } from './column-pool.js';
import type { PartColumn, PartKeys, PartKeysResult, PartSettle, PartWire } from './part-protocol.js';
import { tablesFrom } from './part-tables.js';
import type { DatasetTables } from './protocol.js';
import { readShared } from './read-in-chunks.js';
import { type ColumnsLike, gridColumns, type LineIndex, linesExpected, type RuleLines, RunLinesBuilder } from './rule-lines.js';
import { shareColumns } from './shared-columns.js';
import { settleLinesUntil, Superseded } from './settle-lines.js';
import { freeRead, readTables } from './table-bytes.js';

export class PartEngine {
  private tables?: DatasetTables;
  private from = 0;
  private datasets = new Map<string, Dataset | Diagnostic[]>();
  private index: LineIndex = { payee: new Map() };
  private loaded?: { text: string; policy: CompiledPolicy };
  /** Each rule's line count and payee and month columns in the last settle of it: the next one starts from them. */
  private like = new Map<string, ColumnsLike>();
  /** The payee and month columns of the last settle, by id (ids never reused). */
  private ids = new Map<Int32Array, number>();
  private nextId = 0;
  private readonly pool = new ColumnPool();

  /**
   * The tables (Blobs cross as handles), of which this part reads the payees from position
   * `from` on: a Blob's bytes are read for that and freed at once (table-bytes.ts), and the
   * tables dropped (text or rows would stay otherwise): the preview worker sends them again for
   * another fact layout.
   */
  setTables(tables: DatasetTables, from: number): void {
    this.tables = tables;
    this.from = from;
    this.datasets.clear();
    this.index = { payee: new Map() };
    this.like.clear();
    this.ids.clear();
    this.pool.clear();
  }

  /** Nothing to settle for a while: the amount columns kept for the next settle are let go. */
  rest(): void { this.pool.clear(); }

  private async dataset(policy: CompiledPolicy): Promise<Dataset | Diagnostic[]> {
    const key = JSON.stringify(policy.layout);
    let d = this.datasets.get(key);
    if (!d && this.tables) {
      const given = this.tables, tables = await readTables(given);
      // another dataset given meanwhile: this one is not kept
      if (this.tables !== given) return [];
      const read = readShared(tables, policy, this.from, () => readDataset(tablesFrom(tables, this.from), policy));
      freeRead(tables, given);
      d = read.ok ? read.dataset : read.diagnostics;
      this.datasets.set(key, d);
      if (read.ok) read.dataset.payees.forEach((p, i) => this.index.payee.set(p.payeeId, this.from + i));
      this.tables = undefined;
    }
    return d ?? [];
  }

  /**
   * The lines as they cross: columns the preview worker holds (`has`) by id, others with a copy
   * of their values in an array of their own, to transfer (one per column however many rules
   * share it). Cloned, a column took its whole pooled buffer into the message, whose buffer V8
   * doubles as it grows: the first answer at 100,000 payees left a 73 MB message in the preview
   * worker until its next full collection.
   */
  private wire(lines: RuleLines[], has: Set<number>) {
    const sent = new Map<number, PartColumn>();
    const column = (c: Int32Array): PartColumn => {
      let id = this.ids.get(c);
      if (id === undefined) this.ids.set(c, (id = ++this.nextId));
      if (has.has(id)) return { id };
      let wired = sent.get(id);
      if (!wired) sent.set(id, (wired = { id, values: c.slice() }));
      return wired;
    };
    const wire = lines.map((l) => ({ ...l, payee: column(l.payee), month: column(l.month) }));
    // the ids of columns no rule starts from any more are forgotten
    const held = new Set([...this.like.values()].flatMap((l) => [l.payee, l.month]));
    for (const c of this.ids.keys()) if (!held.has(c)) this.ids.delete(c);
    return wire;
  }

  /** The policy of `text` (the last one kept) and the part's dataset for its fact layout, or the problems. */
  private async input(req: { file: string; text: string }): Promise<{ policy: CompiledPolicy; dataset: Dataset } | { diagnostics: Diagnostic[] }> {
    if (this.loaded?.text !== req.text) {
      const loaded = loadPolicy({ file: req.file, text: req.text });
      if (!loaded.ok) return { diagnostics: loaded.diagnostics };
      this.loaded = { text: req.text, policy: loaded.policy };
    }
    const policy = this.loaded.policy;
    const dataset = await this.dataset(policy);
    return Array.isArray(dataset) ? { diagnostics: dataset } : { policy, dataset };
  }

  /** The part's population keys of one round (the preview worker combines them with its own). */
  async keys(req: PartKeys): Promise<PartKeysResult> {
    try {
      const input = await this.input(req);
      if ('diagnostics' in input) return { ok: false, diagnostics: input.diagnostics };
      const policy = req.evaluate ? restrictRules(input.policy, new Set(req.evaluate)) : input.policy;
      return { ok: true, keys: populationKeys(policy, input.dataset, { ...req.options, round: req.round, ranks: req.ranks }) };
    } catch (e) {
      return { ok: false, diagnostics: diagnosticsOf(e) };
    }
  }

  /** Settles the part, letting messages in between slices; given up (no lines) once `stale()` says a newer request waits. */
  async settle(req: PartSettle, stale: () => boolean = () => false): Promise<PartWire> {
    for (const a of req.spare ?? []) this.pool.release(a);
    let into: RunLinesBuilder | undefined;
    try {
      const input = await this.input(req);
      if ('diagnostics' in input) return { ok: false, diagnostics: input.diagnostics };
      const { dataset } = input;
      const policy = req.evaluate ? restrictRules(input.policy, new Set(req.evaluate)) : input.policy;
      const options = { ...req.options, ...(req.ranks ? { ranks: req.ranks } : {}) };
      const keep = req.keep && new Set(req.keep);
      const rules = policy.rules.filter((r) => !keep || keep.has(r.id));
      // a rule settled here for the first time: its columns compared with those of a line per payee and month
      const fresh = rules.filter((r) => !this.like.has(r.id));
      const grid = fresh.length ? gridColumns(dataset.covered.map((p) => this.index.payee.get(p.payeeId)!), req.options.from, req.options.to) : undefined;
      const like = grid ? new Map([...fresh.map((r): [string, ColumnsLike] => [r.id, { capacity: grid.payee.length, ...grid }]), ...this.like]) : this.like;
      into = new RunLinesBuilder(this.index, rules, like, linesExpected(dataset.covered.length, req.options.from, req.options.to), this.pool);
      const span = await settleLinesUntil(stale, policy, dataset, options, into);
      const lines = into.done();
      into = undefined;
      // equal columns kept once (the first settle makes each rule's own)
      shareColumns(lines.values(), this.like.values());
      for (const l of lines.values()) this.like.set(l.rule, { capacity: l.cents.length, payee: l.payee, month: l.month });
      return { ok: true, lines: this.wire([...lines.values()], new Set(req.has)), ...span };
    } catch (e) {
      into?.discard();
      return { ok: false, diagnostics: e instanceof Superseded ? [] : diagnosticsOf(e) };
    }
  }
}
