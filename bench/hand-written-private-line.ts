// The private-line policy written by hand with the same Exact class as Ratecard: commission
// per new line at or above the tariff floor (each line rounded), the three penalties, and the
// month's growth-ranking bonus.
import { type Dataset, Exact } from '../engine/index.js';
import type { BenchLine } from './bench-line.js';
import { type PrivateLineArithmetic, settlePrivateLine } from './private-line-driver.js';

const d = (s: string) => Exact.parse(s);
const P = {
  commissionRate: d('0.05'), floorRatio: d('0.20'), maxMonths: d('12'), retentionGate: d('0.98'), retentionPenalty: d('2000'),
  auditGate: d('0.90'), auditPenalty: d('500'), surveyLimit: d('17'), surveyPenalty: d('100'), surveyCap: d('1000'),
  awards: [d('10000'), d('6000'), d('3000')],
};
const round = (x: Exact) => x.round(2, 'half-up');

const exact: PrivateLineArithmetic<[Exact, Exact]> = {
  key: ([revenue, lastYear]) => [revenue.div(lastYear).sub(Exact.ONE), revenue],
  compare: (a, b) => b[0].cmp(a[0]) || b[1].cmp(a[1]),
  month([, , retention, audit, failed, surveyDays], transactions, place, emit) {
    const line = (name: string, amount: Exact) => { if (!amount.isZero()) emit(name, amount.toFixed(2)); };
    let commission = Exact.ZERO;
    for (const t of transactions ?? []) {
      const [tariff, standard, months] = t.values;
      if (tariff.gte(P.floorRatio.mul(standard))) commission = commission.add(round(P.commissionRate.mul(tariff).mul(months.min(P.maxMonths))));
    }
    line('new_lines', commission);
    if (retention.lt(P.retentionGate)) line('retention', P.retentionPenalty.neg());
    if (audit.lt(P.auditGate)) line('audit', P.auditPenalty.mul(failed).neg());
    if (surveyDays.gt(P.surveyLimit)) line('survey_time', P.surveyCap.min(P.surveyPenalty.mul(surveyDays.sub(P.surveyLimit).ceil())).neg());
    if (place) line('growth_rank', P.awards[place - 1]);
  },
};

/** Every covered branch of `dataset` over its months. */
export const handWrittenPrivateLine = (dataset: Dataset, out: BenchLine[]) => settlePrivateLine(dataset, exact, out);
