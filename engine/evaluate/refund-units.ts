// A refund in integer units, for `amounts` detail: the same quarters, shares and one rounding per
// quarter as `refund` in compute-amount.ts (the reference, which also says what each part
// returns), without the parts' objects, texts and exact sums. NaN hands the rule back to the
// reference: a ledger amount that is not whole units, or a product past 2^53.
import type { Exact, RoundingMode } from '../exact/exact.js';
import { quarterOfYear, yearOf } from '../data/period.js';
import type { Ctx, LedgerEntry } from '../compile/runtime.js';
import type { Schedule } from '../compile/values.js';
import { roundDiv } from '../compile/integer/integer-runtime.js';
import { entryUnits } from '../compile/runtime.js';

const MAX = Number.MAX_SAFE_INTEGER;

/**
 * The refund of rule `ruleId` returning the deductions of rule `of` this month, in units of
 * 1/`unit`; the quarters it returns are put in `quarters` (cleared first).
 */
export function refundUnits(of: string, schedule: Schedule, ctx: Ctx, ruleId: string, unit: number, mode: RoundingMode, quarters: number[]): number {
  // emptied only when it holds some (V8 drops an array's storage at length 0; push makes it again)
  if (quarters.length !== 0) quarters.length = 0;
  const shares = sharesOf(schedule).get((ctx.m % 12) + 1);
  if (!shares) return 0;
  const year = yearOf(ctx.m);
  const ledger = ctx.p.ledger;
  const anyReturned = returnedBefore(ledger, ruleId);
  let total = 0;
  for (let k = 0; k < shares.quarters.length; k++) {
    const quarter = shares.quarters[k], share = shares.rates[k];
    if (anyReturned && returned(ledger, ruleId, year, quarter)) continue;
    let deducted = 0;
    for (let i = 0; i < ledger.length; i++) {
      const e = ledger[i];
      if (e.rule !== of || e.month > ctx.m || yearOf(e.month) !== year || quarterOfYear(e.month) !== quarter) continue;
      const units = entryUnits(e, unit);
      if (units !== units) return NaN;
      deducted -= units; // deductions are negative
    }
    if (deducted > MAX || deducted < -MAX || share.d !== share.d) return NaN;
    const product = deducted * share.n;
    if (product > MAX || product < -MAX) return NaN;
    total += roundDiv(product, share.d, mode);
    if (total > MAX || total < -MAX) return NaN;
    quarters.push(quarter);
  }
  return total;
}

/** A schedule's checkpoints as arrays (quarters and their shares), made once per schedule. */
interface Shares { quarters: number[]; rates: Exact[] }
const shareLists = new WeakMap<Schedule, Map<number, Shares>>();
function sharesOf(schedule: Schedule): Map<number, Shares> {
  let lists = shareLists.get(schedule);
  if (!lists) {
    lists = new Map([...schedule].map(([month, shares]) => [month, { quarters: [...shares.keys()], rates: [...shares.values()] }]));
    shareLists.set(schedule, lists);
  }
  return lists;
}

/** Whether the refund returned any quarter before: most runs have not, and make no source text. */
function returnedBefore(ledger: LedgerEntry[], ruleId: string): boolean {
  for (let i = 0; i < ledger.length; i++) if (ledger[i].rule === ruleId && ledger[i].sources?.length) return true;
  return false;
}

/** Whether an earlier line of the refund returned `source`. */
function returned(ledger: LedgerEntry[], ruleId: string, year: number, quarter: number): boolean {
  for (let i = 0; i < ledger.length; i++) {
    const e = ledger[i], sources = e.sources;
    if (e.rule !== ruleId || !sources) continue;
    for (let k = 0; k < sources.length; k++) if (isQuarter(sources[k], year, quarter)) return true;
  }
  return false;
}

/** Whether `source` is `YYYY-Qn` for this year and quarter, read without making the text. */
export function isQuarter(source: string, year: number, quarter: number): boolean {
  if (year <= 0) return source === `${year}-Q${quarter}`;
  const n = source.length;
  if (n < 4 || source.charCodeAt(n - 1) !== 48 + quarter || source.charCodeAt(n - 2) !== 81 /* Q */ || source.charCodeAt(n - 3) !== 45 /* - */) return false;
  // the year's digits, last first
  let y = year, k = n - 4;
  for (; y > 0 && k >= 0; k--, y = Math.floor(y / 10)) if (source.charCodeAt(k) !== 48 + (y % 10)) return false;
  return y === 0 && k === -1;
}

