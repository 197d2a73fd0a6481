// A statement whose lines are typed columns (issue 13.3): the same run as `settle` in `amounts`
// detail, the same lines in the same order and the same totals and withheld items, but each line
// is four numbers in arrays instead of an object with its id and amount text.
import type { Dataset } from '../data/dataset.js';
import { LineColumns } from '../evaluate/line-columns.js';
import { unitsText } from '../evaluate/unit-sums.js';
import { planConstants } from '../evaluate/plan-constants.js';
import type { CompiledPolicy } from '../policy/load-policy.js';
import type { SettleOptions, StatementColumns, StatementLine } from '../types.js';
import { settlePlan } from './settle.js';

/** Settles `dataset` under `policy` with its lines as columns; `detail` and `unpaid` do not apply. */
export function settleColumns(policy: CompiledPolicy, dataset: Dataset, options: Omit<SettleOptions, 'detail' | 'unpaid'> = {}): StatementColumns {
  const plan = policy.plan;
  const sink = new LineColumns(plan.rounding.scale, Math.max(1024, dataset.covered.length * 16));
  const { policy: id, from, to, withheld, totals } = settlePlan(plan, policy.hash, dataset, { ...options, detail: 'amounts', unpaid: false }, sink);
  return {
    policy: id, from, to,
    payeeIds: dataset.covered.map((p) => p.payeeId),
    rules: plan.rules.map((r) => ({ id: r.id, kind: r.kind })),
    scale: sink.scale,
    length: sink.length,
    ...sink.trimmed(),
    wide: sink.wide,
    withheld,
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
  const { period, suffix } = constants.month(columns.month[i]);
  const payeeId = columns.payeeIds[columns.payee[i]];
  return {
    id: `${columns.policy.id}/${payeeId}/${suffix[k]}`,
    period, payeeId, policy: columns.policy.id, line: rule.id, kind: rule.kind, amount: amountOf(columns, i), explanation: '',
    trace: constants.bare[k],
  };
}
