// The population pass: values that need every payee of the policy in a month are computed before
// payees are settled one by one (they stay independent otherwise). Round 0 takes ranks and
// aggregates (sum, avg, min, max, count, by group); round 1 allocates group totals by weight
// (largest remainder), reading round 0. A run in parts computes each part's keys, combines the
// keys of all parts once per round, and hands every payee its values.
import { Exact, ExactLimitError } from '../exact/exact.js';
import { monthIndex, monthOfYear, periodOf } from '../data/period.js';
import type { CompiledMetric, CompiledRule, Plan } from '../compile/plan.js';
import type { Ctx, PayeeState } from '../compile/runtime.js';
import { EvaluationError } from '../compile/values.js';
import type { PopulationRecord, SourceLocation } from '../types.js';
import { errorAt, RatecardError } from '../errors.js';
import { msg } from '../messages/msg.js';
import { allocateLargestRemainder } from './allocate.js';
import { RankColumns } from './rank-columns.js';
import { placeMaps, placesOf, rankKeyReaders } from './rank-in-process.js';
// the layouts of what a run drops stay alive between runs (see kept-shapes.ts)
import './kept-shapes.js';

/** payee → month → name → value (ranks as numbers, aggregates and shares exact). */
export type Population = Map<string, Map<number, Map<string, number | Exact>>>;

/**
 * What one payee contributes to a population value in one month, as text that crosses worker
 * threads: rank keys and aggregate values as exact fractions (`n/d`: a growth of 1/3 stays 1/3),
 * allocations as `[group, weight, total]` (weight empty when the payee does not share).
 */
export interface RankKeys { payeeId: string; period: string; metric: string; keys: string[] }

export function hasPopulationMetrics(plan: Plan): boolean {
  return populationRounds(plan) > 0;
}

const allocations = (plan: Plan) => plan.rules.filter((r) => r.amount.type === 'allocate');

/** How many rounds the population pass takes: 0 (none), 1 (ranks, aggregates) or 2 (and allocations). */
export function populationRounds(plan: Plan): number {
  if (allocations(plan).length) return 2;
  return plan.metrics.some((m) => m.rank || m.population) ? 1 : 0;
}

/** Whether a rule runs for the payee this month and passes its gate: who shares an allocation. */
function shares(rule: CompiledRule, ctx: Ctx): boolean {
  if (!rule.runsIn(monthOfYear(ctx.m))) return false;
  if (rule.when && !rule.when.test(ctx)) return false;
  return !rule.gate || rule.gate.test(ctx);
}

/** A population value that cannot be computed is a located problem of the metric or rule, never an internal error. */
function located<T>(location: SourceLocation, field: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof EvaluationError || e instanceof RangeError) {
      throw new RatecardError([errorAt(location, field, msg('settle.population-failed', { detail: e instanceof EvaluationError || e instanceof ExactLimitError ? e.text : e.message }), 'evaluation')]);
    }
    throw e;
  }
}

export function rankKeysOf(plan: Plan, states: Iterable<PayeeState>, months: number[], round = 0): RankKeys[] {
  const out: RankKeys[] = [];
  const each = eachOf([...states], months);
  if (round === 0) {
    for (const metric of plan.metrics) located(metric.location, `metrics.${metric.name}`, () => {
      if (metric.rank) {
        const keys = rankKeyReaders(metric.rank.by, plan.metrics);
        each((s, m, period) => out.push({ payeeId: s.payee.payeeId, period, metric: metric.name, keys: keys.map((read) => (read({ p: s, m }) as Exact).toFraction()) }));
      }
      aggregateKeys(metric, each, out);
    });
    return out;
  }
  for (const rule of allocations(plan)) located(rule.location, `rules.${rule.id}`, () => {
    const a = rule.amount as Extract<CompiledRule['amount'], { type: 'allocate' }>;
    each((s, m, period) => {
      const ctx = { p: s, m };
      const group = a.by ? String(a.by.value(ctx)) : '';
      if (!rule.runsIn(monthOfYear(m))) return;
      const eligible = shares(rule, ctx);
      let total = '';
      try {
        total = (a.total.fn(ctx) as Exact).toFraction();
      } catch (e) {
        // a payee who does not share may have no computable total (e.g. nothing to divide by)
        if (eligible) throw e;
      }
      const weight = eligible ? (a.weight.fn(ctx) as Exact).toFraction() : '';
      out.push({ payeeId: s.payee.payeeId, period, metric: rule.id, keys: [group, weight, total] });
    });
  });
  return out;
}

type Each = (f: (s: PayeeState, m: number, period: string) => void) => void;

/** Every payee, then every month it has facts in. */
const eachOf = (states: PayeeState[], months: number[]): Each => (f) => {
  for (const s of states) for (const m of months) if (s.facts.has(m)) f(s, m, periodOf(m));
};

/** What each payee contributes to a population aggregate: its group and its value. */
function aggregateKeys(metric: CompiledMetric, each: Each, out: RankKeys[]): void {
  const { population } = metric;
  if (!population) return;
  each((s, m, period) => {
    const ctx = { p: s, m };
    const v = population.value(ctx);
    const value = population.aggregate === 'count' ? (v === true ? '1/1' : '0/1') : (v as Exact).toFraction();
    out.push({ payeeId: s.payee.payeeId, period, metric: metric.name, keys: [population.by ? String(population.by.value(ctx)) : '', value] });
  });
}

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function groupRows(rows: RankKeys[], key: (row: RankKeys) => string): Map<string, RankKeys[]> {
  const groups = new Map<string, RankKeys[]>();
  for (const row of rows) {
    const k = key(row);
    let g = groups.get(k);
    if (!g) groups.set(k, (g = []));
    g.push(row);
  }
  return groups;
}

/** Combines the keys of every payee (of every part) into each payee's population values. */
export function rankKeys(plan: Plan, rows: RankKeys[]): PopulationRecord {
  const out: PopulationRecord = {};
  const put = (payeeId: string, period: string, name: string, value: number | string) => {
    ((out[payeeId] ??= {})[period] ??= {})[name] = value;
  };
  const metrics = new Map(plan.metrics.map((m) => [m.name, m]));
  const rules = new Map(plan.rules.map((r) => [r.id, r]));
  const groups = groupRows(rows, (row) => `${row.metric}\u0000${row.period}\u0000${metrics.get(row.metric)?.rank ? '' : row.keys[0]}`);
  for (const list of groups.values()) {
    const { metric: name, period } = list[0];
    const metric = metrics.get(name);
    if (metric?.rank) {
      const by = metric.rank.by;
      const columns = new RankColumns(by.length, list.length);
      list.forEach((row, i) => { for (let k = 0; k < by.length; k++) columns.setFraction(i, k, row.keys[k]); });
      columns.order(Int32Array.from(list, (_, i) => i), by.map((k) => k.order === 'desc'), (i, j) => byId(list[i].payeeId, list[j].payeeId))
        .forEach((i, place) => put(list[i].payeeId, period, name, place + 1));
    } else if (metric?.population) {
      const value = aggregate(metric.population.aggregate, list.map((row) => Exact.fromFraction(row.keys[1])));
      for (const row of list) put(row.payeeId, period, name, value.toFraction());
    } else {
      const rule = rules.get(name);
      if (rule) located(rule.location, `rules.${rule.id}`, () => allocateGroup(plan, rule, list, put));
    }
  }
  return out;
}

function aggregate(kind: string, values: Exact[]): Exact {
  switch (kind) {
    case 'sum': case 'count': return values.reduce((s, v) => s.add(v), Exact.ZERO);
    case 'avg': return values.reduce((s, v) => s.add(v), Exact.ZERO).div(Exact.of(values.length));
    case 'min': return values.reduce((a, b) => a.min(b));
    default: return values.reduce((a, b) => a.max(b));
  }
}

/** One group's total shared among the payees who share it; a group where nobody shares lapses. */
function allocateGroup(plan: Plan, rule: CompiledRule, list: RankKeys[], put: (payeeId: string, period: string, name: string, value: string) => void) {
  const { period } = list[0];
  const group = list[0].keys[0];
  const sharing = list.filter((row) => row.keys[1] !== '').sort((a, b) => (a.payeeId < b.payeeId ? -1 : a.payeeId > b.payeeId ? 1 : 0));
  const totals = new Set(sharing.map((row) => row.keys[2]));
  const where = msg('settle.group', { group, rule: rule.id, period });
  if (totals.size > 1) {
    const [a, b] = [...totals].map((t) => Exact.fromFraction(t).toString());
    throw new EvaluationError(msg('settle.total-differs', { where, a, b }));
  }
  if (!sharing.length) {
    const known = list.find((row) => row.keys[2] !== '');
    const lapsed = known ? Exact.fromFraction(known.keys[2]).round(plan.rounding.scale, plan.rounding.mode).toFraction() : '';
    for (const row of list) put(row.payeeId, period, `${rule.id}#lapsed`, lapsed);
    return;
  }
  const total = Exact.fromFraction(sharing[0].keys[2]).round(plan.rounding.scale, plan.rounding.mode);
  const weights = sharing.map((row) => Exact.fromFraction(row.keys[1]));
  const shares = allocateLargestRemainder(total, weights, plan.rounding.scale, where);
  const sum = weights.reduce((s, w) => s.add(w), Exact.ZERO);
  sharing.forEach((row, i) => {
    put(row.payeeId, period, rule.id, shares[i].toFraction());
    put(row.payeeId, period, `${rule.id}#total`, total.toFraction());
    put(row.payeeId, period, `${rule.id}#weights`, sum.toFraction());
    put(row.payeeId, period, `${rule.id}#weight`, row.keys[1]);
  });
}

/** The record's values made exact, by payee and month index. */
export function ranksFromRecord(_plan: Plan, record: PopulationRecord): Population {
  return addRecord(new Map(), record);
}

/** The values of a payee in a month, made when first set. */
function valuesAt(population: Population, payeeId: string, m: number): Map<string, number | Exact> {
  let months = population.get(payeeId);
  if (!months) population.set(payeeId, (months = new Map()));
  let values = months.get(m);
  if (!values) months.set(m, (values = new Map()));
  return values;
}

function addRecord(population: Population, record: PopulationRecord): Population {
  for (const [payeeId, byPeriod] of Object.entries(record)) {
    for (const [period, byName] of Object.entries(byPeriod)) {
      const values = valuesAt(population, payeeId, monthIndex(period)!);
      for (const [name, v] of Object.entries(byName)) values.set(name, typeof v === 'number' ? v : v === '' ? Exact.ZERO : Exact.fromFraction(v));
    }
  }
  return population;
}

/** Adds `more` into `record`, payee by payee and month by month. */
export function mergePopulation(record: PopulationRecord, more: PopulationRecord): PopulationRecord {
  for (const [payeeId, byPeriod] of Object.entries(more)) {
    const mine = (record[payeeId] ??= {});
    for (const [period, byName] of Object.entries(byPeriod)) Object.assign((mine[period] ??= {}), byName);
  }
  return record;
}

/**
 * Every round of the population pass over all the states at once (a run in one process): ranks
 * straight from their keys (rank-in-process.ts), without the text a run in parts sends between
 * threads; aggregates and allocations as a run in parts makes them. The same values either way.
 */
export function rankPopulation(plan: Plan, states: PayeeState[], months: number[]): Population {
  if (!populationRounds(plan)) return new Map();
  const aggregates: RankKeys[] = [];
  const each = eachOf(states, months);
  const names: string[] = [], places: Int32Array[] = [];
  for (const metric of plan.metrics) located(metric.location, `metrics.${metric.name}`, () => {
    if (metric.rank) {
      names.push(metric.name);
      places.push(placesOf(metric.rank, states, months, plan.metrics));
    }
    aggregateKeys(metric, each, aggregates);
  });
  const population: Population = placeMaps(names, places, states, months, !aggregates.length && populationRounds(plan) === 1);
  if (aggregates.length) addRecord(population, rankKeys(plan, aggregates));
  if (populationRounds(plan) > 1) {
    // allocations read the values of round 0
    for (const s of states) s.population = population.get(s.payee.payeeId);
    addRecord(population, rankKeys(plan, rankKeysOf(plan, states, months, 1)));
  }
  return population;
}
