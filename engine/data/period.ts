// Months as integers (year × 12 + month − 1) so windows are arithmetic, and back to `YYYY-MM`.
import type { Period } from '../types.js';

const PERIOD = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function monthIndex(period: string): number | undefined {
  const m = PERIOD.exec(period);
  return m ? Number(m[1]) * 12 + Number(m[2]) - 1 : undefined;
}

export function periodOf(index: number): Period {
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return `${year}-${month < 10 ? '0' : ''}${month}`;
}

/** 1–12. */
export const monthOfYear = (index: number) => (index % 12) + 1;
/** 1–4. */
export const quarterOfYear = (index: number) => Math.floor((index % 12) / 3) + 1;
export const yearOf = (index: number) => Math.floor(index / 12);
export const isQuarterEnd = (index: number) => index % 3 === 2;
export const isYearEnd = (index: number) => index % 12 === 11;
