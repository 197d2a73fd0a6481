// The private-line policy written by hand in exact integer arithmetic: tariffs in cents, the
// tariff floor and the gates compared by cross-multiplication, each line's commission one
// integer division with remainder, growths ordered by continued fractions (no product, no
// BigInt). A dataset with a value beyond the range of exact JS integers is settled by the
// Exact version (bench/hand-written-private-line.ts).
import type { Dataset } from '../engine/index.js';
import type { BenchLine } from './bench-line.js';
import { handWrittenPrivateLine } from './hand-written-private-line.js';
import { ceilDiv, centsText, checked, compareRatios, compareRatiosEuclid, fraction, mulDivRound, OutOfRange, units } from './integer-arithmetic.js';
import { type PrivateLineArithmetic, settlePrivateLine } from './private-line-driver.js';

// policies/private-line.yaml's parameters: money in cents, rates in hundredths
const COMMISSION_RATE = 5, FLOOR_RATIO = 20, MAX_MONTHS = 12, RETENTION_GATE = 98, RETENTION_PENALTY = 200000;
const AUDIT_GATE = 90, AUDIT_PENALTY = 50000, SURVEY_LIMIT = 17, SURVEY_PENALTY = 10000, SURVEY_CAP = 100000;
const AWARDS = [1000000, 600000, 300000];

/** Revenue and revenue last year in cents (growth = revenue / last year − 1 orders as revenue / last year). */
type Key = [number, number];

const integer: PrivateLineArithmetic<Key> = {
  key(facts) {
    const key: Key = [units(facts[0], 100), units(facts[1], 100)];
    if (key[0] < 0 || key[1] <= 0) throw new OutOfRange('growth of a negative revenue or of no revenue last year');
    return key;
  },
  compare: (a, b) => compareRatiosEuclid(b[0], b[1], a[0], a[1]) || b[0] - a[0],
  month(facts, transactions, place, emit) {
    const line = (name: string, cents: number) => { if (cents !== 0) emit(name, centsText(cents)); };
    let commission = 0;
    if (transactions) {
      for (let i = 0; i < transactions.length; i++) {
        const v = transactions[i].values;
        const tariff = units(v[0], 100), standard = units(v[1], 100);
        if (compareRatios(tariff, FLOOR_RATIO, standard, 100) >= 0) {
          commission = checked(commission + mulDivRound(checked(tariff * Math.min(units(v[2], 1), MAX_MONTHS)), COMMISSION_RATE, 100));
        }
      }
    }
    line('new_lines', commission);
    const [rn, rd] = fraction(facts[2]), [an, ad] = fraction(facts[3]), [sn, sd] = fraction(facts[5]);
    if (compareRatios(rn, rd, RETENTION_GATE, 100) < 0) line('retention', -RETENTION_PENALTY);
    if (compareRatios(an, ad, AUDIT_GATE, 100) < 0) line('audit', -checked(AUDIT_PENALTY * units(facts[4], 1)));
    if (compareRatios(sn, sd, SURVEY_LIMIT, 1) > 0) line('survey_time', -Math.min(SURVEY_CAP, checked(SURVEY_PENALTY * ceilDiv(checked(sn - SURVEY_LIMIT * sd), sd))));
    if (place) line('growth_rank', AWARDS[place - 1]);
  },
};

/** Counts the datasets settled by the Exact version because a value left the integer range. */
export const integerPrivateLineFallbacks = { datasets: 0 };

/** Every covered branch of `dataset` over its months. */
export function integerPrivateLine(dataset: Dataset, out: BenchLine[]): void {
  const start = out.length;
  try {
    settlePrivateLine(dataset, integer, out);
  } catch (e) {
    if (!(e instanceof OutOfRange)) throw e;
    out.length = start;
    integerPrivateLineFallbacks.datasets++;
    handWrittenPrivateLine(dataset, out);
  }
}
