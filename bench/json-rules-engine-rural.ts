// The rural-contract policy run the way json-rules-engine users write it: the rules as JSON
// conditions, derived values as dynamic facts, amounts computed with the same Exact class in
// each rule's onSuccess handler, and one engine.run per payee and month.
import { type Almanac, Engine, type RuleProperties } from 'json-rules-engine';
import { Exact } from '../engine/index.js';
import type { BenchLine } from './bench-line.js';
import { period } from './rural-data.js';

const d = (s: string) => Exact.parse(s);
const PARAMS = {
  maintenance_price: d('1.50'), new_line_price: d('20'), broadband_price: d('50'), install_price: d('10'),
  step: d('0.01'), step_rate: d('0.02'), max_deduction: d('0.30'), max_ratio: d('1.30'),
  fee_rate: d('0.01'), fee_gate: d('0.98'), buyout_rate: d('0.03'), over_target_rate: d('0.05'),
};
const REFUND_SCHEDULE: Record<number, Record<number, Exact>> = {
  3: { 1: d('1.00') }, 6: { 1: d('0.80'), 2: d('1.00') }, 9: { 1: d('0.60'), 2: d('0.80'), 3: d('1.00') },
  12: { 1: d('0.40'), 2: d('0.60'), 3: d('0.80'), 4: d('1.00') },
};
const FACTS = ['revenue_plan', 'revenue_actual', 'billed_lines', 'new_lines', 'new_broadband', 'installs', 'fees_due', 'fees_collected', 'arrears_bought_out'];

/** What a run carries: the month, its exact facts, and the payee's year so far. */
interface PayeeYear {
  payeeId: string;
  year: number;
  month: number;
  row: Record<string, Exact>;
  cumPlan: Exact;
  cumActual: Exact;
  checkpoints: boolean[];
  deducted: Exact[];
  returned: boolean[];
  annual: { plan: Exact; actual: Exact };
  current: Record<string, Exact>;
  out: BenchLine[];
}

const round = (x: Exact) => x.round(2, 'half-up');
const state = (almanac: Almanac) => almanac.factValue<PayeeYear>('payee');

function line(name: string, priority: number, conditions: RuleProperties['conditions'], amount: (s: PayeeYear) => Exact): RuleProperties {
  return {
    name, priority, conditions, event: { type: name },
    onSuccess: async (_event, almanac) => {
      const s = await state(almanac);
      const value = amount(s);
      s.current[name] = value;
      if (!value.isZero()) s.out.push({ period: period(s.year, s.month), payeeId: s.payeeId, line: name, amount: value.toFixed(2) });
    },
  };
}

const always = { all: [] };
const planned = { fact: 'revenue_plan', operator: 'greaterThan', value: 0 };

export function ruralEngine(): Engine {
  const engine = new Engine([], { allowUndefinedFacts: false });
  const num = (f: (s: PayeeYear) => Exact) => async (_p: unknown, almanac: Almanac) => f(await state(almanac)).toNumber();
  engine.addFact('revenue_plan', num((s) => s.row.revenue_plan));
  engine.addFact('fees_due', num((s) => s.row.fees_due));
  engine.addFact('completion', num((s) => s.row.revenue_plan.isZero() ? Exact.ZERO : s.row.revenue_actual.div(s.row.revenue_plan)));
  engine.addFact('fee_ratio', num((s) => s.row.fees_due.isZero() ? Exact.ZERO : s.row.fees_collected.div(s.row.fees_due)));
  engine.addFact('fee_gate', PARAMS.fee_gate.toNumber());
  engine.addFact('quarter_end', async (_p, almanac) => (await state(almanac)).month % 3 === 0);
  engine.addFact('year_end', async (_p, almanac) => (await state(almanac)).month === 12);
  engine.addFact('checkpoint_met', async (_p, almanac) => { const s = await state(almanac); return s.cumActual.gte(s.cumPlan); });
  engine.addFact('all_checkpoints_met', async (_p, almanac) => (await state(almanac)).checkpoints.every(Boolean));
  engine.addFact('annual_surplus', num((s) => s.annual.actual.sub(s.annual.plan)));

  const base = (s: PayeeYear) => s.current.maintenance.add(s.current.development);
  const completion = (s: PayeeYear) => s.row.revenue_actual.div(s.row.revenue_plan);
  engine.addRule(line('maintenance', 80, always, (s) => round(s.row.billed_lines.mul(PARAMS.maintenance_price))));
  engine.addRule(line('development', 70, always, (s) => round(s.row.new_lines.mul(PARAMS.new_line_price)
    .add(s.row.new_broadband.mul(PARAMS.broadband_price)).add(s.row.installs.mul(PARAMS.install_price)))));
  engine.addRule(line('over_completion', 60,
    { all: [planned, { fact: 'completion', operator: 'greaterThanInclusive', value: 1 }] },
    (s) => round(base(s).mul(completion(s).min(PARAMS.max_ratio).sub(Exact.ONE)))));
  engine.addRule(line('under_completion', 50,
    { all: [planned, { fact: 'completion', operator: 'lessThan', value: 1 }] },
    (s) => {
      const steps = Exact.ONE.sub(completion(s)).div(PARAMS.step).floor();
      const under = round(base(s).mul(PARAMS.max_deduction.min(PARAMS.step_rate.mul(steps))));
      const q = Math.floor((s.month - 1) / 3) + 1;
      s.deducted[q] = s.deducted[q].add(under);
      return under.neg();
    }));
  engine.addRule(line('fee_collection', 40,
    { any: [{ fact: 'fees_due', operator: 'equal', value: 0 }, { fact: 'fee_ratio', operator: 'greaterThanInclusive', value: { fact: 'fee_gate' } }] },
    (s) => round(s.row.fees_collected.mul(PARAMS.fee_rate))));
  engine.addRule(line('arrears_buyout', 30, always, (s) => round(s.row.arrears_bought_out.mul(PARAMS.buyout_rate))));
  engine.addRule(line('refund', 20,
    { all: [{ fact: 'quarter_end', operator: 'equal', value: true }, { fact: 'checkpoint_met', operator: 'equal', value: true }] },
    (s) => {
      let refund = Exact.ZERO;
      const open = Object.entries(REFUND_SCHEDULE[s.month]).filter(([q]) => !s.returned[Number(q)]);
      for (const [q, share] of open) refund = refund.add(round(s.deducted[Number(q)].mul(share))); // each quarter's part rounded once
      // a quarter counts as returned only when the refund line pays something
      if (!refund.isZero()) for (const [q] of open) s.returned[Number(q)] = true;
      return refund;
    }));
  engine.addRule(line('over_target', 10,
    { all: [{ fact: 'year_end', operator: 'equal', value: true }, { fact: 'all_checkpoints_met', operator: 'equal', value: true }, { fact: 'annual_surplus', operator: 'greaterThan', value: 0 }] },
    (s) => round(s.annual.actual.sub(s.annual.plan).mul(PARAMS.over_target_rate))));
  return engine;
}

/** One payee's year through `engine`: `months[k]` holds month k + 1's facts in policy order. */
export async function jsonRulesEngineRural(engine: Engine, payeeId: string, year: number, months: Exact[][], out: BenchLine[]): Promise<void> {
  const zero = () => [Exact.ZERO, Exact.ZERO, Exact.ZERO, Exact.ZERO, Exact.ZERO];
  const rows = months.map((values): Record<string, Exact> => Object.fromEntries(FACTS.map((f, i) => [f, values[i]])));
  const annual = { plan: Exact.ZERO, actual: Exact.ZERO };
  for (const r of rows) { annual.plan = annual.plan.add(r.revenue_plan); annual.actual = annual.actual.add(r.revenue_actual); }
  const s: PayeeYear = {
    payeeId, year, month: 0, row: {}, cumPlan: Exact.ZERO, cumActual: Exact.ZERO, checkpoints: [],
    deducted: zero(), returned: [false, false, false, false, false], annual, current: {}, out,
  };
  for (let month = 1; month <= 12; month++) {
    s.month = month;
    s.row = rows[month - 1];
    s.current = {};
    s.cumPlan = s.cumPlan.add(s.row.revenue_plan);
    s.cumActual = s.cumActual.add(s.row.revenue_actual);
    if (month % 3 === 0) s.checkpoints.push(s.cumActual.gte(s.cumPlan));
    await engine.run({ payee: s });
  }
}
