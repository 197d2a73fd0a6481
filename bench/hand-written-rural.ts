// The rural-contract policy written by hand in TypeScript with the same Exact class: the
// practical speed limit for an engine that evaluates the policy from YAML.
import { Exact } from '../engine/index.js';
import type { BenchLine } from './bench-line.js';
import { period } from './rural-data.js';

const d = (s: string) => Exact.parse(s);
const P = {
  maintenance: d('1.50'), newLine: d('20'), broadband: d('50'), install: d('10'),
  step: d('0.01'), stepRate: d('0.02'), maxDeduction: d('0.30'), maxRatio: d('1.30'),
  feeRate: d('0.01'), feeGate: d('0.98'), buyoutRate: d('0.03'), overTargetRate: d('0.05'),
};
const REFUNDS: Record<number, [number, Exact][]> = {
  3: [[1, d('1.00')]],
  6: [[1, d('0.80')], [2, d('1.00')]],
  9: [[1, d('0.60')], [2, d('0.80')], [3, d('1.00')]],
  12: [[1, d('0.40')], [2, d('0.60')], [3, d('0.80')], [4, d('1.00')]],
};
const round = (x: Exact) => x.round(2, 'half-up');

/** One payee's year: `months[k]` holds the facts of month k + 1 in policies/rural-contract.yaml order. */
export function handWrittenRural(payeeId: string, year: number, months: Exact[][], out: BenchLine[]): void {
  const deducted = [Exact.ZERO, Exact.ZERO, Exact.ZERO, Exact.ZERO, Exact.ZERO];
  const returned = [false, false, false, false, false];
  let cumPlan = Exact.ZERO, cumActual = Exact.ZERO;
  let allMet = true;
  for (let month = 1; month <= 12; month++) {
    const [plan, actual, billed, newLines, broadband, installs, due, collected, arrears] = months[month - 1];
    const p = period(year, month);
    const emit = (line: string, amount: Exact) => { if (!amount.isZero()) out.push({ period: p, payeeId, line, amount: amount.toFixed(2) }); };
    const maintenance = round(billed.mul(P.maintenance));
    const development = round(newLines.mul(P.newLine).add(broadband.mul(P.broadband)).add(installs.mul(P.install)));
    emit('maintenance', maintenance);
    emit('development', development);
    const base = maintenance.add(development);
    if (plan.sign() > 0) {
      const r = actual.div(plan);
      if (r.gte(Exact.ONE)) emit('over_completion', round(base.mul(r.min(P.maxRatio).sub(Exact.ONE))));
      else {
        const steps = Exact.ONE.sub(r).div(P.step).floor();
        const under = round(base.mul(P.maxDeduction.min(P.stepRate.mul(steps))));
        const q = Math.floor((month - 1) / 3) + 1;
        deducted[q] = deducted[q].add(under);
        emit('under_completion', under.neg());
      }
    }
    if (due.isZero() || collected.div(due).gte(P.feeGate)) emit('fee_collection', round(collected.mul(P.feeRate)));
    emit('arrears_buyout', round(arrears.mul(P.buyoutRate)));
    cumPlan = cumPlan.add(plan);
    cumActual = cumActual.add(actual);
    if (month % 3 === 0) {
      const met = cumActual.gte(cumPlan);
      allMet &&= met;
      if (met) {
        let refund = Exact.ZERO;
        const open = REFUNDS[month].filter(([q]) => !returned[q]);
        for (const [q, share] of open) refund = refund.add(round(deducted[q].mul(share))); // each quarter's part rounded once
        // a quarter counts as returned only when the refund line pays something
        if (!refund.isZero()) for (const [q] of open) returned[q] = true;
        emit('refund', refund);
      }
    }
    if (month === 12 && allMet && cumActual.gt(cumPlan)) emit('over_target', round(cumActual.sub(cumPlan).mul(P.overTargetRate)));
  }
}
