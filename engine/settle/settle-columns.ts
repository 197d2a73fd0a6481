// A statement whose lines are typed columns (issue 13.3): the same run as `settle` in `amounts`
// detail, the same lines in the same order and the same totals and withheld items, but each line
// is four numbers in arrays instead of an object with its id and amount text, and each withheld
// item four numbers too, made as an item (reason, would-pay) only when asked for.
import type { Dataset } from '../data/dataset.js';
import { LineColumns } from '../evaluate/line-columns.js';
import { unitsText } from '../evaluate/unit-sums.js';
import { planConstants } from '../evaluate/plan-constants.js';
import { SettledLine } from '../evaluate/settled-line.js';
import type { CompiledPolicy } from '../policy/load-policy.js';
import type { SettleOptions, StatementColumns, StatementLine, WithheldItem } from '../types.js';
import { periodOf } from '../data/period.js';
import { populationOf, populationRoundsOf, settle, settlePlan } from './settle.js';

/** What `settleColumns` reads of `settle`'s options (its detail is `amounts`, without unpaid rules; its items have no reasons to make). */
export type ColumnsOptions = Omit<SettleOptions, 'detail' | 'unpaid' | 'lazyReasons'>;

/** Settles `dataset` under `policy` with its lines and withheld items as columns. */
export function settleColumns(policy: CompiledPolicy, dataset: Dataset, options: ColumnsOptions = {}): StatementColumns {
  const plan = policy.plan;
  const sink = new LineColumns(plan.rounding.scale, Math.max(1024, dataset.covered.length * 16));
  const { policy: id, from, to, totals } = settlePlan(plan, policy.hash, dataset, { ...options, detail: 'amounts', unpaid: false }, sink);
  return {
    policy: id, from, to,
    payeeIds: dataset.covered.map((p) => p.payeeId),
    rules: plan.rules.map((r) => ({ id: r.id, kind: r.kind })),
    scale: sink.scale,
    length: sink.length,
    ...sink.trimmed(),
    wide: sink.wide,
    withheld: sink.withheld.trimmed(),
    totals,
  };
}

/** Line `i`'s signed amount as decimal text, e.g. "-905.38". */
export function amountOf(columns: StatementColumns, i: number): string {
  const units = columns.units[i];
  return units === units ? unitsText(units, columns.scale) : columns.wide.get(i)!;
}

/** Line `i` as the statement line `settle` makes in `amounts` detail (`policy` is the one settled). */
export function lineOf(policy: CompiledPolicy, columns: StatementColumns, i: number): StatementLine {
  const k = columns.rule[i], rule = columns.rules[k];
  const constants = planConstants(policy.plan);
  const { period } = constants.month(columns.month[i]);
  return new SettledLine(period, columns.payeeIds[columns.payee[i]], columns.policy.id, rule.id, rule.kind, amountOf(columns, i), '', constants.bare[k]);
}

/**
 * Payee `payee`'s withheld items (its index in `columns.payeeIds`), as `settle` makes them in
 * `amounts` detail with their reasons: its payee settled again, alone, with the population values
 * of the whole run (`options.ranks`, else computed over `dataset`). `dataset` and `options` are
 * those the columns were settled with.
 */
export function withheldItemsOf(policy: CompiledPolicy, dataset: Dataset, columns: StatementColumns, payee: number, options: ColumnsOptions = {}): WithheldItem[] {
  const record = dataset.covered[payee];
  if (record?.payeeId !== columns.payeeIds[payee]) throw new RangeError(`payee ${payee} of the columns is not the dataset's: settle and ask with the same dataset`);
  const ranks = options.ranks ?? (populationRoundsOf(policy) > 0 ? populationOf(policy, dataset, options) : undefined);
  const alone = { ...dataset, covered: [record] };
  return settle(policy, alone, { ...options, ...(ranks ? { ranks } : {}), detail: 'amounts', lazyReasons: false }).withheld;
}

/** Withheld item `i` of `columns` as `settle` makes it (see `withheldItemsOf`: made by settling its payee again). */
export function withheldOf(policy: CompiledPolicy, dataset: Dataset, columns: StatementColumns, i: number, options: ColumnsOptions = {}): WithheldItem {
  const w = columns.withheld;
  if (!(i >= 0 && i < w.length)) throw new RangeError(`no withheld item ${i} (the columns have ${w.length})`);
  // a payee's items are listed together, in the order its settle makes them
  let first = i;
  while (first > 0 && w.payee[first - 1] === w.payee[i]) first--;
  const item = withheldItemsOf(policy, dataset, columns, w.payee[i], options)[i - first];
  if (item?.line !== columns.rules[w.rule[i]].id || item.period !== periodOf(w.month[i])) {
    throw new RangeError(`withheld item ${i} is not what its payee settles to again: ask with the dataset and options the columns were settled with`);
  }
  return item;
}
