// A sweep of one parameter: the policy settled with each value in turn (as an override, the text
// itself unchanged), the dataset's totals for each, for a sensitivity chart of the total cost.
import { Exact } from '../../../engine/index.js';
import type { SweepPoint } from './analysis-protocol.js';
import type { PeriodRange } from './protocol.js';
import type { Settler } from './settler.js';

export const MAX_STEPS = 41;

/** `steps` values from `from` to `to` inclusive, evenly spaced, exact (`0.01`, `0.015`, `0.02`); a value that does not terminate is rounded to 8 places. */
export function sweepValues(from: string, to: string, steps: number): string[] {
  const a = Exact.parse(from), b = Exact.parse(to);
  const n = Math.max(2, Math.min(MAX_STEPS, Math.floor(steps)));
  const step = b.sub(a).div(Exact.of(n - 1));
  return Array.from({ length: n }, (_, i) => decimal(a.add(step.mul(Exact.of(i)))));
}

/** A value as a decimal a policy can hold: exact when it terminates, else to 8 places. */
function decimal(v: Exact): string {
  const s = v.toString();
  return s.endsWith('…') ? v.toFixed(8).replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '') : s;
}

export function sweep(settler: Settler, file: string, text: string, param: string, values: string[], range: PeriodRange): SweepPoint[] {
  return values.map((value) => {
    const settled = settler.settle(file, text, range, { file: '(sweep)', text: `${param}: ${value}\n` });
    return settled.ok ? { value, totals: settled.statement.totals } : { value, diagnostics: settled.diagnostics };
  });
}
