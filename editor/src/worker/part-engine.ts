// What the preview's helper worker does, free of messaging so it also runs in tests: keeps its
// part of the dataset (the payees from a position in payees.csv on) read once per fact layout,
// and settles the rules it is asked for over them, into columns indexed like the whole dataset's.
import { type CompiledPolicy, type Dataset, type Diagnostic, loadPolicy, readDataset, restrictRules } from '../../../engine/index.js';
import { diagnosticsOf } from './diagnostics-of.js';
import type { PartResult, PartSettle } from './part-protocol.js';
import { tablesFrom } from './part-tables.js';
import type { DatasetTables } from './protocol.js';
import { readShared } from './read-in-chunks.js';
import { type LineIndex, linesExpected, RunLinesBuilder } from './rule-lines.js';
import { settleLinesUntil, Superseded } from './settle-lines.js';

export class PartEngine {
  private tables?: DatasetTables;
  private from = 0;
  private datasets = new Map<string, Dataset | Diagnostic[]>();
  private index: LineIndex = { payee: new Map() };
  private loaded?: { text: string; policy: CompiledPolicy };
  /** Each rule's line count in the last settle of it: the next one makes its columns at that size. */
  private sizes = new Map<string, number>();

  /**
   * Keeps the tables until the part's dataset is read from them, then drops them (the text of
   * 100,000 payees is 80 MB): the preview worker sends them again for another fact layout.
   */
  setTables(tables: DatasetTables, from: number): void {
    this.tables = tables;
    this.from = from;
    this.datasets.clear();
    this.index = { payee: new Map() };
    this.sizes.clear();
  }

  private dataset(policy: CompiledPolicy): Dataset | Diagnostic[] {
    const key = JSON.stringify(policy.layout);
    let d = this.datasets.get(key);
    if (!d && this.tables) {
      const tables = this.tables;
      const read = readShared(tables, policy, this.from, () => readDataset(tablesFrom(tables, this.from), policy));
      d = read.ok ? read.dataset : read.diagnostics;
      this.datasets.set(key, d);
      if (read.ok) read.dataset.payees.forEach((p, i) => this.index.payee.set(p.payeeId, this.from + i));
      this.tables = undefined;
    }
    return d ?? [];
  }

  /** Settles the part, letting messages in between slices; given up (no lines) once `stale()` says a newer request waits. */
  async settle(req: PartSettle, stale: () => boolean = () => false): Promise<PartResult> {
    try {
      if (this.loaded?.text !== req.text) {
        const loaded = loadPolicy({ file: req.file, text: req.text });
        if (!loaded.ok) return { ok: false, diagnostics: loaded.diagnostics };
        this.loaded = { text: req.text, policy: loaded.policy };
      }
      const full = this.loaded.policy;
      const dataset = this.dataset(full);
      if (Array.isArray(dataset)) return { ok: false, diagnostics: dataset };
      const policy = req.evaluate ? restrictRules(full, new Set(req.evaluate)) : full;
      const options = { ...req.options, ...(req.ranks ? { ranks: req.ranks } : {}) };
      const keep = req.keep && new Set(req.keep);
      const into = new RunLinesBuilder(this.index, policy.rules.filter((r) => !keep || keep.has(r.id)), this.sizes, linesExpected(dataset.covered.length, req.options.from, req.options.to));
      const span = await settleLinesUntil(stale, policy, dataset, options, into);
      const lines = [...into.done().values()];
      for (const l of lines) this.sizes.set(l.rule, l.cents.length);
      return { ok: true, lines, ...span };
    } catch (e) {
      return { ok: false, diagnostics: e instanceof Superseded ? [] : diagnosticsOf(e) };
    }
  }
}
