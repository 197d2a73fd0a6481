// Windows of months that aggregates read: the month itself, the quarter or year so far, the
// whole quarter or year, and the quarter-end months of the year so far (checkpoints).
export const WINDOWS = ['month', 'quarter_to_date', 'quarter', 'year_to_date', 'year', 'quarter_ends'] as const;
export type WindowName = (typeof WINDOWS)[number];

const cache = new Map<number, number[]>();

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let m = from; m <= to; m++) out.push(m);
  return out;
}

function compute(window: WindowName, m: number): number[] {
  const quarterStart = m - (m % 3);
  const yearStart = m - (m % 12);
  switch (window) {
    case 'month': return [m];
    case 'quarter_to_date': return range(quarterStart, m);
    case 'quarter': return range(quarterStart, quarterStart + 2);
    case 'year_to_date': return range(yearStart, m);
    case 'year': return range(yearStart, yearStart + 11);
    case 'quarter_ends': return range(yearStart, m).filter((k) => k % 3 === 2);
  }
}

/** Month indexes of `window` as seen from month index `m`. */
export function windowMonths(window: WindowName, m: number): number[] {
  const key = m * WINDOWS.length + WINDOWS.indexOf(window);
  let months = cache.get(key);
  if (!months) cache.set(key, (months = compute(window, m)));
  return months;
}
