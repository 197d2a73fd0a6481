// Settles a dataset under a compiled policy over a range of months: checks the facts cover
// the range, ranks the population where the policy ranks, then settles each payee on its own.
import { errorAt, RatecardError } from '../errors.js';
import { Exact } from '../exact/exact.js';
import type { Dataset } from '../data/dataset.js';
import { monthIndex, periodOf } from '../data/period.js';
import type { LedgerEntry, PayeeState } from '../compile/runtime.js';
import type { Plan } from '../compile/plan.js';
import { evaluatePayee } from '../evaluate/evaluate-payee.js';
import { type Diagnostic, LINE_KINDS, type LineKind, type PayeeRecord, type SettleOptions, type Statement, type StatementLine, type WithheldItem } from '../types.js';
import { hasPopulationMetrics, rankKeys, rankKeysOf, type RankKeys, rankPopulation, ranksFromRecord } from './population.js';
import { totalsOfSums } from './totals.js';
import type { CompiledPolicy } from '../policy/load-policy.js';

export interface SettleRange {
  /** First month on the statement. */
  from: number;
  to: number;
  /** First month evaluated: earlier months of the year feed windows and the ledger. */
  start: number;
}

export function resolveRange(dataset: Dataset, options: SettleOptions): SettleRange {
  const parse = (text: string | undefined, flag: string, fallback: number | undefined) => {
    if (text === undefined) return fallback;
    const m = monthIndex(text);
    if (m === undefined) throw new RatecardError([errorAt({ file: '(options)', line: 1, column: 1 }, flag, `expected a month as YYYY-MM, got \`${text}\``, 'bad-option')]);
    return m;
  };
  const from = parse(options.from, 'from', dataset.months?.first);
  const to = parse(options.to, 'to', dataset.months?.last);
  if (from === undefined || to === undefined) {
    throw new RatecardError([errorAt({ file: dataset.files.facts, line: 1, column: 1 }, 'period', 'no facts for any payee the policy applies to: nothing to settle', 'no-facts')]);
  }
  if (from > to) {
    throw new RatecardError([errorAt({ file: '(options)', line: 1, column: 1 }, 'from', `the range starts at ${periodOf(from)}, after its end ${periodOf(to)}`, 'bad-option')]);
  }
  return { from, to, start: options.history ? from : from - (from % 12) };
}

/** Every covered payee must have facts for every month of the range. */
export function checkCoverage(dataset: Dataset, range: SettleRange, payees: PayeeRecord[] = dataset.covered): void {
  const problems: Diagnostic[] = [];
  for (const payee of payees) {
    const facts = dataset.facts.get(payee.payeeId);
    const missing: string[] = [];
    for (let m = range.from; m <= range.to; m++) if (!facts?.has(m)) missing.push(periodOf(m));
    if (missing.length) {
      problems.push(errorAt(payee.location, 'payee_id',
        `payee \`${payee.payeeId}\` has no facts in ${dataset.files.facts} for ${missing.length > 3 ? `${missing.slice(0, 3).join(', ')} and ${missing.length - 3} more months` : missing.join(', ')} (settling ${periodOf(range.from)} to ${periodOf(range.to)})`,
        'missing-facts'));
    }
  }
  if (problems.length) throw new RatecardError(problems);
}

export function newPayeeState(payee: PayeeRecord, dataset: Dataset, history: LedgerEntry[] = []): PayeeState {
  return {
    payee,
    facts: dataset.facts.get(payee.payeeId) ?? new Map(),
    transactions: dataset.transactions.get(payee.payeeId) ?? new Map(),
    metrics: new Map(),
    current: [],
    ledger: history,
  };
}

export function rangeMonths(range: SettleRange): number[] {
  const months: number[] = [];
  for (let m = range.start; m <= range.to; m++) months.push(m);
  return months;
}

export function monthsToEvaluate(state: PayeeState, range: SettleRange): number[] {
  const months: number[] = [];
  for (let m = range.start; m <= range.to; m++) if (m >= range.from || state.facts.has(m)) months.push(m);
  return months;
}

function historyByPayee(options: SettleOptions): Map<string, LedgerEntry[]> {
  const out = new Map<string, LedgerEntry[]>();
  for (const h of options.history ?? []) {
    const month = monthIndex(h.period);
    if (month === undefined) continue;
    let list = out.get(h.payeeId);
    if (!list) out.set(h.payeeId, (list = []));
    list.push({ id: h.id, month, rule: h.line, kind: h.kind, amount: Exact.parse(h.amount), sources: h.returnsSources });
  }
  return out;
}

export function settlePlan(plan: Plan, hash: string, dataset: Dataset, options: SettleOptions = {}): Statement {
  const range = resolveRange(dataset, options);
  checkCoverage(dataset, range);
  const history = historyByPayee(options);
  const ranks = options.ranks ? ranksFromRecord(plan, options.ranks)
    : hasPopulationMetrics(plan) ? rankPopulation(plan, dataset.covered.map((p) => newPayeeState(p, dataset)), rangeMonths(range))
    : undefined;
  const lines: StatementLine[] = [];
  const withheld: WithheldItem[] = [];
  const sums = Object.fromEntries(LINE_KINDS.map((k) => [k, Exact.ZERO])) as Record<LineKind, Exact>;
  const evaluate = { emitFrom: range.from, detail: options.detail ?? 'trace', sums };
  const payees = dataset.covered;
  const statementOut = { lines, withheld };
  // one payee's state (memoised metrics, ledger) lives only while it is settled: memory and
  // garbage collection stay proportional to the statement, not to every intermediate value
  payees.forEach((payee, i) => {
    const state = newPayeeState(payee, dataset, history.get(payee.payeeId));
    state.ranks = ranks?.get(payee.payeeId);
    evaluatePayee(plan, state, monthsToEvaluate(state, range), evaluate, statementOut);
    if (options.onProgress && (i % 1000 === 999 || i === payees.length - 1)) options.onProgress(i + 1, payees.length);
  });
  // payee-major (payees.csv order), then month, then rule order: the same order whether a run
  // is settled at once or in parts, so parallel and single runs give identical bytes
  return {
    policy: { id: plan.id, version: plan.version, hash },
    from: periodOf(range.from),
    to: periodOf(range.to),
    lines,
    withheld,
    totals: totalsOfSums(sums),
  };
}

/** Settles `dataset` under `policy`: the statement lines with traces, withheld items and totals. */
export function settle(policy: CompiledPolicy, dataset: Dataset, options: SettleOptions = {}): Statement {
  return settlePlan(policy.plan, policy.hash, dataset, options);
}

/** The values each covered payee is ranked by, per month: the first pass of a run in parts. */
export function populationKeys(policy: CompiledPolicy, dataset: Dataset, options: SettleOptions = {}): RankKeys[] {
  if (!hasPopulationMetrics(policy.plan)) return [];
  const range = resolveRange(dataset, options);
  const states = dataset.covered.map((p) => newPayeeState(p, dataset));
  return rankKeysOf(policy.plan, states, rangeMonths(range));
}

/** Ranks the keys of every part at once; pass the result to settle as `ranks`. */
export function rankPopulationKeys(policy: CompiledPolicy, keys: RankKeys[]): NonNullable<SettleOptions['ranks']> {
  return rankKeys(policy.plan, keys);
}
