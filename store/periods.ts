// Months of the store as integers (year × 12 + month − 1) and back to `YYYY-MM`, for ranges
// and the first open month after a close.
import { errorAt, type Period, RatecardError } from '../engine/index.js';

const PERIOD = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function monthOf(period: string): number | undefined {
  const m = PERIOD.exec(period);
  return m ? Number(m[1]) * 12 + Number(m[2]) - 1 : undefined;
}

export function periodAt(index: number): Period {
  const month = (index % 12) + 1;
  return `${Math.floor(index / 12)}-${month < 10 ? '0' : ''}${month}`;
}

/** The month index of `period`, or a located error naming `field`. */
export function requireMonth(period: string, field: string, file = '(options)'): number {
  const m = monthOf(period);
  if (m === undefined) throw new RatecardError([errorAt({ file, line: 1, column: 1 }, field, `expected a month as YYYY-MM, got \`${period}\``, 'bad-option')]);
  return m;
}

/** Every period from `from` to `to`, inclusive. */
export function periodsBetween(from: number, to: number): Period[] {
  const out: Period[] = [];
  for (let m = from; m <= to; m++) out.push(periodAt(m));
  return out;
}

export const nextPeriod = (period: Period): Period => periodAt(monthOf(period)! + 1);
