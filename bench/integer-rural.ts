// The rural-contract policy written by hand in exact integer arithmetic: money in integer
// cents, rates in hundredths, one integer division with remainder per rounded line, ratios
// compared by cross-multiplication. The true limit for an engine that evaluates the policy:
// the same parsed facts in, the same lines out as Ratecard and the Exact version
// (bench/hand-written-rural.ts). A payee whose values leave the range of exact JS integers
// (a fact beyond 2^53 cents, or with more places than cents) is settled by the Exact version.
import type { Exact } from '../engine/index.js';
import type { BenchLine } from './bench-line.js';
import type { BenchColumns } from './bench-columns.js';
import { handWrittenRural } from './hand-written-rural.js';
import { centsText, checked, compareRatios, mulDivFloor, mulDivRound, OutOfRange, units } from './integer-arithmetic.js';
import { period } from './rural-data.js';

// policies/rural-contract.yaml's parameters: prices in cents, rates in hundredths
const MAINTENANCE = 150, NEW_LINE = 2000, BROADBAND = 5000, INSTALL = 1000;
const STEP_RATE = 2, MAX_DEDUCTION = 30, MAX_RATIO = 130, FEE_RATE = 1, FEE_GATE = 98, BUYOUT_RATE = 3, OVER_TARGET_RATE = 5;
/** Checkpoint month → [source quarter, share in hundredths]. */
const REFUNDS: Record<number, [number, number][]> = {
  3: [[1, 100]],
  6: [[1, 80], [2, 100]],
  9: [[1, 60], [2, 80], [3, 100]],
  12: [[1, 40], [2, 60], [3, 80], [4, 100]],
};

/** Counts the payees settled by the Exact version because a value left the integer range. */
export const integerFallbacks = { payees: 0 };

/** policies/rural-contract.yaml's rules in policy order: a line's rule index in columns. */
export const RURAL_RULES = ['maintenance', 'development', 'over_completion', 'under_completion', 'fee_collection', 'arrears_buyout', 'refund', 'over_target'] as const;
const RULE = Object.fromEntries(RURAL_RULES.map((r, i) => [r, i])) as Record<(typeof RURAL_RULES)[number], number>;

/**
 * One payee's year: `months[k]` holds the facts of month k + 1 in policies/rural-contract.yaml
 * order. Lines go to `out` as objects, or as columns (payee `payee`, month index, rule index, cents).
 */
export function integerRural(payeeId: string, year: number, months: Exact[][], out: BenchLine[] | BenchColumns, payee = 0): void {
  const start = out.length;
  try {
    integerYear(payeeId, year, months, out, payee);
  } catch (e) {
    if (!(e instanceof OutOfRange)) throw e;
    integerFallbacks.payees++;
    if (Array.isArray(out)) {
      out.length = start;
      handWrittenRural(payeeId, year, months, out);
    } else {
      out.length = start;
      const lines: BenchLine[] = [];
      handWrittenRural(payeeId, year, months, lines);
      out.pushLines(payee, lines);
    }
  }
}

/** The periods of a year, made once. */
let periods = { year: NaN, texts: [] as string[] };

function integerYear(payeeId: string, year: number, months: Exact[][], out: BenchLine[] | BenchColumns, payee: number): void {
  if (periods.year !== year) periods = { year, texts: Array.from({ length: 12 }, (_, k) => period(year, k + 1)) };
  const deducted = [0, 0, 0, 0, 0];
  const returned = [false, false, false, false, false];
  let cumPlan = 0, cumActual = 0;
  let allMet = true;
  let p = '', m = 0;
  const emit = Array.isArray(out)
    ? (line: keyof typeof RULE, cents: number) => { if (cents !== 0) out.push({ period: p, payeeId, line, amount: centsText(cents) }); }
    : (line: keyof typeof RULE, cents: number) => { if (cents !== 0) out.push(payee, m, RULE[line], cents); };
  for (let month = 1; month <= 12; month++) {
    const f = months[month - 1];
    const plan = units(f[0], 100), actual = units(f[1], 100);
    const due = units(f[6], 100), collected = units(f[7], 100), arrears = units(f[8], 100);
    p = periods.texts[month - 1];
    m = year * 12 + month - 1;
    const maintenance = checked(units(f[2], 1) * MAINTENANCE);
    const development = checked(units(f[3], 1) * NEW_LINE + units(f[4], 1) * BROADBAND + units(f[5], 1) * INSTALL);
    emit('maintenance', maintenance);
    emit('development', development);
    const base = checked(maintenance + development);
    if (plan > 0) {
      if (actual >= plan) {
        // base × (min(actual / plan, 1.30) − 1)
        const capped = compareRatios(actual, plan, MAX_RATIO, 100) >= 0;
        emit('over_completion', capped ? mulDivRound(base, MAX_RATIO - 100, 100) : mulDivRound(base, checked(actual - plan), plan));
      } else {
        // full steps of 0.01 in the shortfall (plan − actual) / plan, each deducting 2 % of the base, at most 30 %
        const steps = mulDivFloor(checked(plan - actual), 100, plan);
        const under = mulDivRound(base, Math.min(MAX_DEDUCTION, STEP_RATE * steps), 100);
        const q = Math.floor((month - 1) / 3) + 1;
        deducted[q] = checked(deducted[q] + under);
        emit('under_completion', -under);
      }
    }
    if (due === 0 || (due > 0 ? compareRatios(collected, due, FEE_GATE, 100) >= 0 : compareRatios(-collected, -due, FEE_GATE, 100) >= 0)) {
      emit('fee_collection', mulDivRound(collected, FEE_RATE, 100));
    }
    emit('arrears_buyout', mulDivRound(arrears, BUYOUT_RATE, 100));
    cumPlan = checked(cumPlan + plan);
    cumActual = checked(cumActual + actual);
    if (month % 3 === 0) {
      const met = cumActual >= cumPlan;
      allMet &&= met;
      if (met) {
        let refund = 0;
        const open = REFUNDS[month].filter(([q]) => !returned[q]);
        // each quarter's part rounded once: one division with remainder per quarter
        for (const [q, share] of open) refund = checked(refund + mulDivRound(deducted[q], share, 100));
        // a quarter counts as returned only when the refund line pays something
        if (refund !== 0) for (const [q] of open) returned[q] = true;
        emit('refund', refund);
      }
    }
    if (month === 12 && allMet && cumActual > cumPlan) emit('over_target', mulDivRound(checked(cumActual - cumPlan), OVER_TARGET_RATE, 100));
  }
}
