// Settles one part of a partitioned dataset: the unit of work a worker thread runs. The part is
// settled a slice of payees at a time and each slice's text is appended to the part's own output
// files at once, so a worker holds one slice's statement, never a whole part's.
import { appendFileSync, writeFileSync } from 'node:fs';
import {
  addTotals, type CompiledPolicy, type Dataset, type Diagnostic, type Lang, localizeStatement, populationKeys, RatecardError, readDataset,
  type RankKeys, settle, type SettleOptions, type Statement, statementToCsv, type Totals, unitsOf, withoutMessages,
} from '../engine/index.js';
import type { Partition } from './partition.js';
import { readPart } from './read-part.js';

/** Payees settled at once inside a part: bounds a worker's memory whatever the part size. */
export const SLICE = 250;

export interface PartJob {
  index: number; from: string; to: string; format: 'csv' | 'json'; withheld: boolean; ranks?: SettleOptions['ranks'];
  /** The language of explanations and withheld reasons (English when absent). */
  lang?: Lang;
  /** Where the part's lines and withheld items are written (JSON: objects joined by `,\n`). */
  out: string;
  withheldOut: string;
}
export interface PartResult { index: number; hasBody: boolean; hasWithheld: boolean; lines: number; payees: number; totals: Totals }

function datasetOf(policy: CompiledPolicy, p: Partition, index: number) {
  const result = readDataset({
    payees: readPart(p.payees, index),
    facts: readPart(p.facts, index),
    transactions: p.transactions ? readPart(p.transactions, index) : undefined,
  }, policy);
  if (!result.ok) throw new RatecardError(result.diagnostics);
  return result.dataset;
}

/** One round of the population pass over one part: what its payees contribute (round 1 reads round 0's values). */
export function partKeys(policy: CompiledPolicy, p: Partition, index: number, from: string, to: string, round = 0, ranks?: SettleOptions['ranks']): RankKeys[] {
  return populationKeys(policy, datasetOf(policy, p, index), { from, to, round, ranks });
}

/** A statement's lines and withheld items as the text of a part: CSV rows, or JSON objects. */
function texts(statement: Statement, job: PartJob): { body: string; withheldBody: string } {
  if (job.format === 'json') {
    return {
      body: statement.lines.map((l) => JSON.stringify(l, withoutMessages)).join(',\n'),
      withheldBody: statement.withheld.map((w) => JSON.stringify(w, withoutMessages)).join(',\n'),
    };
  }
  const csv = statementToCsv({ ...statement, withheld: [] });
  const all = job.withheld ? statementToCsv({ ...statement, lines: [] }, { withheld: true, lang: job.lang }) : '';
  return { body: csv.slice(csv.indexOf('\n') + 1), withheldBody: all.slice(all.indexOf('\n') + 1) };
}

export function settlePart(policy: CompiledPolicy, p: Partition, job: PartJob): PartResult {
  const dataset = datasetOf(policy, p, job.index);
  writeFileSync(job.out, '');
  writeFileSync(job.withheldOut, '');
  const totals: Totals[] = [];
  let lines = 0, hasBody = false, hasWithheld = false;
  const separator = job.format === 'json' ? ',\n' : '';
  // explanations in their language, written without traces (JSON carries the traces), as `ratecard settle` does in one process
  const lang = job.lang ?? 'en';
  const units = lang === 'en' ? undefined : unitsOf(policy);
  // as when the part is settled at once: every payee missing facts is reported, else the first failure
  const missing: Diagnostic[] = [];
  let failure: unknown;
  for (let start = 0; start < dataset.covered.length; start += SLICE) {
    const slice: Dataset = { ...dataset, covered: dataset.covered.slice(start, start + SLICE) };
    let statement: Statement;
    try {
      statement = settle(policy, slice, { from: job.from, to: job.to, ranks: job.ranks, detail: job.format === 'json' ? 'trace' : 'explanation', lang });
      if (units) statement = localizeStatement(statement, lang, { units });
    } catch (e) {
      if (e instanceof RatecardError && e.diagnostics.every((d) => d.code === 'missing-facts')) missing.push(...e.diagnostics);
      else failure ??= e;
      continue;
    }
    if (missing.length || failure !== undefined) continue; // the part fails: only its problems are still gathered
    const { body, withheldBody } = texts(statement, job);
    if (body) { appendFileSync(job.out, (hasBody ? separator : '') + body); hasBody = true; }
    if (withheldBody) { appendFileSync(job.withheldOut, (hasWithheld ? separator : '') + withheldBody); hasWithheld = true; }
    lines += statement.lines.length;
    totals.push(statement.totals);
  }
  if (missing.length) throw new RatecardError(missing);
  if (failure !== undefined) throw failure;
  return { index: job.index, hasBody, hasWithheld, lines, payees: dataset.covered.length, totals: addTotals(totals) };
}
