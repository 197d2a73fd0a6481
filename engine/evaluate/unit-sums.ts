// Sums of line amounts in integer units of the policy's scale (cents at scale 2), added as the
// lines are made: one JS addition per line instead of an exact rational. A sum that would pass
// 2^53 − 1 goes to the exact sums instead, so the totals stay exact whatever the amounts.
import { Exact } from '../exact/exact.js';
import { LINE_KINDS, type LineKind } from '../types.js';

export class UnitSums {
  // by kind in LINE_KINDS order, in a typed array: a sum past 2^31 stays a double in place
  // instead of a new heap number per line
  private readonly units = new Float64Array(LINE_KINDS.length);

  constructor(readonly scale: number, private readonly exact: Record<LineKind, Exact>) {}

  /** Adds a line of `units` (signed) of the kind at index `k` of LINE_KINDS (`kindIndex`). */
  add(k: number, units: number): void {
    const next = this.units[k] + units;
    if (Number.isSafeInteger(next)) this.units[k] = next;
    else this.exact[LINE_KINDS[k]] = this.exact[LINE_KINDS[k]].add(Exact.ratio(units, 10 ** this.scale));
  }

  /** The exact sums by kind, units included (the integer sums are moved into them). */
  settle(): Record<LineKind, Exact> {
    LINE_KINDS.forEach((kind, k) => {
      if (this.units[k] !== 0) this.exact[kind] = this.exact[kind].add(Exact.ratio(this.units[k], 10 ** this.scale));
      this.units[k] = 0;
    });
    return this.exact;
  }
}

const KIND_INDEX = Object.fromEntries(LINE_KINDS.map((k, i) => [k, i])) as Record<LineKind, number>;
/** A kind's index in LINE_KINDS, for UnitSums.add (found once per rule). */
export const kindIndex = (kind: LineKind): number => KIND_INDEX[kind];

/** `.00` to `.99`, by cents. */
const CENT_TAILS = Array.from({ length: 100 }, (_, c) => `.${c < 10 ? '0' : ''}${c}`);

/** `units` / 10^scale as fixed-point text, the same text as `Exact.toFixed(scale)`: |units| < 2^53, scale ≤ 15. */
export function unitsText(units: number, scale: number): string {
  const neg = units < 0;
  const u = neg ? -units : units;
  if (scale === 0) return neg ? `-${u}` : String(u);
  if (scale === 2) {
    // cents, the usual scale: the whole part's digits and one of 100 made tails, one join (a
    // template of five parts made four short strings per line)
    const cents = u % 100;
    const text = String((u - cents) / 100) + CENT_TAILS[cents];
    return neg ? '-' + text : text;
  }
  const f = 10 ** scale;
  const frac = u % f;
  const whole = (u - frac) / f;
  const digits = String(frac);
  return `${neg ? '-' : ''}${whole}.${'0'.repeat(scale - digits.length)}${digits}`;
}
