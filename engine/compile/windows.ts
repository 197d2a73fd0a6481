// Windows of months that aggregates read: the month itself, the quarter or year so far, the
// whole quarter or year, the quarter-end months of the year so far (checkpoints), the months
// before this one (previous month or quarter, earlier this quarter or year) and the trailing
// N months (`last_6_months`, this month included).
export const WINDOWS = [
  'month', 'quarter_to_date', 'quarter', 'year_to_date', 'year', 'quarter_ends',
  'previous_month', 'previous_quarter', 'earlier_this_quarter', 'earlier_this_year',
] as const;
export type WindowName = (typeof WINDOWS)[number] | `last_${number}_months`;

const TRAILING = /^last_([1-9][0-9]?)_months$/;
const MAX_TRAILING = 36;

export function isWindow(name: string): name is WindowName {
  if ((WINDOWS as readonly string[]).includes(name)) return true;
  const n = TRAILING.exec(name);
  return !!n && Number(n[1]) >= 2 && Number(n[1]) <= MAX_TRAILING;
}

/** Windows that end before the month they are seen from: the only ones a line may be read over. */
export function windowsBeforeMonth(window: WindowName): boolean {
  return window === 'previous_month' || window === 'previous_quarter' || window === 'earlier_this_quarter' || window === 'earlier_this_year';
}

/** How many months before the first month of its year a window can reach (0: none). */
export function reachBeforeYear(window: WindowName): number {
  if (window === 'previous_month') return 1;
  if (window === 'previous_quarter') return 3;
  const n = TRAILING.exec(window);
  return n ? Number(n[1]) - 1 : 0;
}

const cache = new Map<WindowName, Map<number, number[]>>();

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
    case 'previous_month': return [m - 1];
    case 'previous_quarter': return range(quarterStart - 3, quarterStart - 1);
    case 'earlier_this_quarter': return range(quarterStart, m - 1);
    case 'earlier_this_year': return range(yearStart, m - 1);
    default: return range(m - Number(TRAILING.exec(window)![1]) + 1, m);
  }
}

/** Month indexes of `window` as seen from month index `m` (ascending; possibly none). */
export function windowMonths(window: WindowName, m: number): number[] {
  let byMonth = cache.get(window);
  if (!byMonth) cache.set(window, (byMonth = new Map()));
  let months = byMonth.get(m);
  if (!months) byMonth.set(m, (months = compute(window, m)));
  return months;
}
