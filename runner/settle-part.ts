// Settles one part of a partitioned dataset: the unit of work a worker thread runs.
import { type CompiledPolicy, populationKeys, RatecardError, readDataset, type RankKeys, settle, type SettleOptions, statementToCsv, type Totals } from '../engine/index.js';
import type { Partition } from './partition.js';
import { readPart } from './read-part.js';

export interface PartJob { index: number; from: string; to: string; format: 'csv' | 'json'; withheld: boolean; ranks?: SettleOptions['ranks'] }
export interface PartResult { index: number; body: string; withheldBody: string; lines: number; payees: number; totals: Totals }

function datasetOf(policy: CompiledPolicy, p: Partition, index: number) {
  const result = readDataset({
    payees: readPart(p.payees, index),
    facts: readPart(p.facts, index),
    transactions: p.transactions ? readPart(p.transactions, index) : undefined,
  }, policy);
  if (!result.ok) throw new RatecardError(result.diagnostics);
  return result.dataset;
}

export function partKeys(policy: CompiledPolicy, p: Partition, index: number, from: string, to: string): RankKeys[] {
  return populationKeys(policy, datasetOf(policy, p, index), { from, to });
}

export function settlePart(policy: CompiledPolicy, p: Partition, job: PartJob): PartResult {
  const dataset = datasetOf(policy, p, job.index);
  if (!dataset.covered.length) {
    return { index: job.index, body: '', withheldBody: '', lines: 0, payees: 0, totals: { total: '0.00', byKind: { commission: '0.00', deduction: '0.00', refund: '0.00', bonus: '0.00' } } };
  }
  const statement = settle(policy, dataset, { from: job.from, to: job.to, ranks: job.ranks, detail: job.format === 'json' ? 'trace' : 'explanation' });
  let body: string;
  let withheldBody = '';
  if (job.format === 'json') {
    body = statement.lines.map((l) => JSON.stringify(l)).join(',\n');
    withheldBody = statement.withheld.map((w) => JSON.stringify(w)).join(',\n');
  } else {
    const csv = statementToCsv({ ...statement, withheld: [] });
    body = csv.slice(csv.indexOf('\n') + 1);
    if (job.withheld) {
      const all = statementToCsv({ ...statement, lines: [] }, { withheld: true });
      withheldBody = all.slice(all.indexOf('\n') + 1);
    }
  }
  return { index: job.index, body, withheldBody, lines: statement.lines.length, payees: dataset.covered.length, totals: statement.totals };
}
