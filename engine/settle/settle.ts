// Settles a dataset under a compiled policy over a range of months: checks the facts cover
// the range, ranks the population where the policy ranks, then settles each payee on its own.
import { errorAt, RatecardError } from '../errors.js';
import { msg } from '../messages/msg.js';
import { Exact } from '../exact/exact.js';
import type { Dataset } from '../data/dataset.js';
import { monthIndex, periodOf } from '../data/period.js';
import { type LedgerEntry, MonthList, type PayeeState } from '../compile/runtime.js';
import type { Plan } from '../compile/plan.js';
import { evaluatePayee } from '../evaluate/evaluate-payee.js';
import { type Diagnostic, LINE_KINDS, type LineKind, type PayeeRecord, type SettleOptions, type Statement, type StatementLine, type WithheldItem } from '../types.js';
import { hasPopulationMetrics, mergePopulation, populationRounds, rankKeys, rankKeysOf, type RankKeys, rankPopulation, ranksFromRecord } from './population.js';
import { totalsOfSums } from './totals.js';
import { evaluateOptions, payeeOutput } from './run-objects.js';
import { ExplanationPool } from '../evaluate/explained-line.js';
import { type Units, unitsOf } from '../messages/localize.js';
import { UnitSums } from '../evaluate/unit-sums.js';
import type { LineColumns } from '../evaluate/line-columns.js';
import type { CompiledPolicy } from '../policy/load-policy.js';

export interface SettleRange {
  /** First month on the statement. */
  from: number;
  to: number;
  /** First month evaluated: earlier months of the year feed windows and the ledger. */
  start: number;
}

/** The months to settle; without history, the run starts at the year's first month (less what windows read before it). */
export function resolveRange(dataset: Dataset, options: SettleOptions, lookback = 0): SettleRange {
  const parse = (text: string | undefined, flag: string, fallback: number | undefined) => {
    if (text === undefined) return fallback;
    const m = monthIndex(text);
    if (m === undefined) throw new RatecardError([errorAt({ file: '(options)', line: 1, column: 1 }, flag, `expected a month as YYYY-MM, got \`${text}\``, 'bad-option')]);
    return m;
  };
  const from = parse(options.from, 'from', dataset.months?.first);
  const to = parse(options.to, 'to', dataset.months?.last);
  if (from === undefined || to === undefined) {
    throw new RatecardError([errorAt({ file: dataset.files.facts, line: 1, column: 1 }, 'period', msg('settle.no-facts'), 'no-facts')]);
  }
  if (from > to) {
    throw new RatecardError([errorAt({ file: '(options)', line: 1, column: 1 }, 'from', msg('settle.range-reversed', { from: periodOf(from), to: periodOf(to) }), 'bad-option')]);
  }
  return { from, to, start: options.history ? from : from - (from % 12) - lookback };
}

/** Every covered payee must have facts for every month of the range. */
export function checkCoverage(dataset: Dataset, range: SettleRange, payees: PayeeRecord[] = dataset.covered): void {
  const problems: Diagnostic[] = [];
  for (const payee of payees) {
    const facts = dataset.facts.get(payee.payeeId);
    if (covers(facts, range)) continue;
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

// a payee without facts or transactions reads these (never written: a state only reads its maps)
const NO_FACTS: PayeeState['facts'] = new Map();
const NO_TRANSACTIONS: PayeeState['transactions'] = new Map();

export function newPayeeState(payee: PayeeRecord, dataset: Dataset, history: LedgerEntry[] = []): PayeeState {
  // every field, in keptState's order: fields added later would give each state a layout of
  // its own that V8 frees between runs (see kept-shapes.ts), and the literal's layout is kept
  const state: PayeeState & Record<keyof PayeeState, unknown> = {
    policyId: undefined, files: dataset.files, payee,
    attributes: dataset.payeeValues?.get(payee.payeeId) ?? [],
    facts: dataset.facts.get(payee.payeeId) ?? NO_FACTS,
    transactions: dataset.transactions.get(payee.payeeId) ?? NO_TRANSACTIONS,
    metrics: undefined, metricMonth: undefined, metricRow: undefined, current: [], currentKept: undefined, unit: undefined,
    ledger: history,
    settled: new MonthList(history.length ? [...new Set(history.map((h) => h.month))] : []),
    population: undefined,
  };
  return state;
}

export function rangeMonths(range: SettleRange): number[] {
  const months: number[] = [];
  for (let m = range.start; m <= range.to; m++) months.push(m);
  return months;
}

/** The months a payee is evaluated in: the range, and the months before it that it has facts for (into `months` when given). */
export function monthsToEvaluate(state: PayeeState, range: SettleRange, months: number[] = []): number[] {
  // written over in place: at length 0 V8 drops the array's storage and each payee made it again
  let n = 0;
  for (let m = range.start; m <= range.to; m++) if (m >= range.from || state.facts.has(m)) months[n++] = m;
  if (months.length !== n) months.length = n;
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

/** Settles under a plan; with `columns`, lines go there (amounts only) and the statement's `lines` stays empty. */
export function settlePlan(plan: Plan, hash: string, dataset: Dataset, options: SettleOptions = {}, columns?: LineColumns, zhUnits?: Units): Statement {
  const range = resolveRange(dataset, options, plan.lookback);
  try {
    return settleCovered(plan, hash, dataset, options, range, columns, zhUnits);
  } catch (e) {
    // missing facts are reported before anything else went wrong (a payee is checked just
    // before it is settled, while its facts are read anyway: the dataset is not walked twice)
    checkCoverage(dataset, range);
    throw e;
  }
}

/** A payee's facts cover the range: read just before it is settled (warm for it). */
function covers(facts: Map<number, unknown> | undefined, range: SettleRange): boolean {
  if (!facts) return range.from > range.to;
  for (let m = range.from; m <= range.to; m++) if (!facts.has(m)) return false;
  return true;
}

function settleCovered(plan: Plan, hash: string, dataset: Dataset, options: SettleOptions, range: SettleRange, columns: LineColumns | undefined, zhUnits: Units | undefined): Statement {
  if (options.budget !== undefined) checkBudget(plan, dataset, range, options.budget);
  const history = historyByPayee(options);
  let historyFrom = range.from;
  for (const list of history.values()) for (const e of list) historyFrom = Math.min(historyFrom, e.month);
  const ranks = options.ranks ? ranksFromRecord(plan, options.ranks)
    : hasPopulationMetrics(plan) ? rankPopulation(plan, dataset.covered.map((p) => newPayeeState(p, dataset)), rangeMonths(range))
    : undefined;
  const lines: StatementLine[] = [];
  const withheld: WithheldItem[] = [];
  const sums = Object.fromEntries(LINE_KINDS.map((k) => [k, Exact.ZERO])) as Record<LineKind, Exact>;
  const unitSums = plan.rounding.scale <= 15 ? new UnitSums(plan.rounding.scale, sums) : undefined;
  const detail = options.detail ?? 'trace';
  const evaluate = evaluateOptions(range.from, detail, sums, unitSums, options.engine, options.lazyReasons, detail === 'explanation' ? new ExplanationPool() : undefined, zhUnits);
  const payees = dataset.covered;
  const statementOut = payeeOutput(lines, withheld, options.unpaid ? [] : undefined, columns);
  // one payee's state (memoised metrics, ledger) lives only while it is settled: memory and
  // garbage collection stay proportional to the statement, not to every intermediate value
  const months: number[] = []; // each payee's months, read only while it is evaluated
  payees.forEach((payee, i) => {
    if (!covers(dataset.facts.get(payee.payeeId), range)) checkCoverage(dataset, range);
    const state = newPayeeState(payee, dataset, history.get(payee.payeeId));
    // the months the history covers are known for every payee, with or without lines of its own
    for (let m = historyFrom; m < range.from; m++) state.settled.add(m);
    state.population = ranks?.get(payee.payeeId);
    if (columns) columns.payeeIndex = i;
    evaluatePayee(plan, state, monthsToEvaluate(state, range, months), evaluate, statementOut);
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
    ...(statementOut.unpaid ? { unpaid: statementOut.unpaid } : {}),
    totals: totalsOfSums(unitSums ? unitSums.settle() : sums),
  };
}

/** The work a run takes, counted before it starts: refused with a located message over the budget. */
export function checkBudget(plan: Plan, dataset: Dataset, range: SettleRange, budget: number): void {
  const months = range.to - range.start + 1;
  const perTransaction = plan.rules.filter((r) => r.amount.type === 'each').length;
  // instalments and clawbacks look at a payee's earlier transactions every month
  const spread = plan.rules.filter((r) => r.amount.type === 'instalments' || r.amount.type === 'clawback').length;
  let transactions = 0;
  for (const payee of dataset.covered) for (const list of dataset.transactions.get(payee.payeeId)?.values() ?? []) transactions += list.length;
  const cost = dataset.covered.length * months * plan.rules.length + transactions * (perTransaction + spread * months);
  if (cost > budget) {
    throw new RatecardError([errorAt({ file: '(options)', line: 1, column: 1 }, 'budget',
      msg('settle.over-budget', {
        cost: cost.toLocaleString('en-US'), payees: dataset.covered.length.toLocaleString('en-US'), months: String(months), rules: String(plan.rules.length),
        transactions: transactions ? transactions.toLocaleString('en-US') : '', budget: budget.toLocaleString('en-US'),
      }), 'budget')]);
  }
}

/** Settles `dataset` under `policy`: the statement lines with traces, withheld items and totals. */
export function settle(policy: CompiledPolicy, dataset: Dataset, options: SettleOptions = {}): Statement {
  // explanations in 简体中文 show values in the units of the policy's declarations
  const zh = options.detail === 'explanation' && options.lang !== undefined && options.lang !== 'en';
  return settlePlan(policy.plan, policy.hash, dataset, options, undefined, zh ? unitsOf(policy) : undefined);
}

/** How many rounds of `populationKeys` / `rankPopulationKeys` a run in parts takes (0: none). */
export function populationRoundsOf(policy: CompiledPolicy): number {
  return populationRounds(policy.plan);
}

/**
 * What each covered payee contributes to the population values of one round (ranks and
 * aggregates in round 0, allocations in round 1, which reads round 0's values from
 * `options.ranks`): the pass each part of a run in parts makes before any payee is settled.
 */
export function populationKeys(policy: CompiledPolicy, dataset: Dataset, options: SettleOptions & { round?: number } = {}): RankKeys[] {
  const plan = policy.plan;
  const round = options.round ?? 0;
  if (round >= populationRounds(plan)) return [];
  const range = resolveRange(dataset, options, plan.lookback);
  const known = options.ranks && ranksFromRecord(plan, options.ranks);
  const states = dataset.covered.map((p) => {
    const s = newPayeeState(p, dataset);
    s.population = known?.get(p.payeeId);
    return s;
  });
  return rankKeysOf(plan, states, rangeMonths(range), round);
}

/** Combines the keys of every part for one round; merge the rounds and pass them to settle as `ranks`. */
export function rankPopulationKeys(policy: CompiledPolicy, keys: RankKeys[]): NonNullable<SettleOptions['ranks']> {
  return rankKeys(policy.plan, keys);
}

/** Every population value of a dataset (all rounds), e.g. to settle one payee alone with the others' values. */
export function populationOf(policy: CompiledPolicy, dataset: Dataset, options: SettleOptions = {}): NonNullable<SettleOptions['ranks']> {
  const record: NonNullable<SettleOptions['ranks']> = {};
  for (let round = 0; round < populationRoundsOf(policy); round++) {
    mergePopulation(record, rankPopulationKeys(policy, populationKeys(policy, dataset, { ...options, round, ranks: record })));
  }
  return record;
}

export { mergePopulation };
